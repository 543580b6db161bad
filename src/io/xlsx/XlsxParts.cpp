#include "io/xlsx/XlsxParts.h"

#include <charconv>
#include <map>

#include "io/xlsx/CellText.h"
#include "io/xlsx/XmlStream.h"

namespace thidua {
namespace {

// A guard against a crafted table of billions of empty strings: far beyond any real workbook.
constexpr size_t kMaxSharedStrings = 20'000'000;

class SharedStringsHandler : public XmlHandler {
public:
    std::vector<std::string> strings;
    bool too_many = false;

    void start(const XmlName& name, const XmlAttributes&) override {
        if (name.local == "si") {
            m_current.clear();
        } else if (name.local == "rPh") {
            ++m_phonetic;
        } else if (name.local == "t" && m_phonetic == 0) {
            m_in_t = true;
        }
    }
    void end(const XmlName& name) override {
        if (name.local == "t") {
            m_in_t = false;
        } else if (name.local == "rPh") {
            --m_phonetic;
        } else if (name.local == "si") {
            strings.push_back(unescape_ooxml(m_current));
            if (strings.size() > kMaxSharedStrings) too_many = stop = true;
        }
    }
    void text(std::string_view t) override {
        if (m_in_t) m_current += t;
    }

private:
    std::string m_current;
    int m_phonetic = 0;
    bool m_in_t = false;
};

class StylesHandler : public XmlHandler {
public:
    std::map<int, bool> custom_is_date;
    std::vector<bool> xf_is_date;

    void start(const XmlName& name, const XmlAttributes& attrs) override {
        if (name.local == "numFmt") {
            const char* id = attrs.get("numFmtId");
            const char* code = attrs.get("formatCode");
            if (id && code) custom_is_date[to_int(id)] = is_date_format_code(code);
        } else if (name.local == "cellXfs") {
            m_in_cell_xfs = true;
        } else if (name.local == "xf" && m_in_cell_xfs) {
            const char* id = attrs.get("numFmtId");
            xf_is_date.push_back(id && is_date_id(to_int(id)));
        }
    }
    void end(const XmlName& name) override {
        if (name.local == "cellXfs") m_in_cell_xfs = false;
    }

private:
    static int to_int(const char* text) {
        int value = -1;
        std::from_chars(text, text + std::char_traits<char>::length(text), value);
        return value;
    }
    bool is_date_id(int id) const {
        const auto custom = custom_is_date.find(id);
        if (custom != custom_is_date.end()) return custom->second;
        return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    }
    bool m_in_cell_xfs = false;
};

}  // namespace

// Months and minutes share the letter m: a code with m but no d or y is a date only when it has
// no hours or seconds either ("mmm" is, "mm:ss" is not).
bool is_date_format_code(std::string_view code) {
    bool quoted = false, bracket = false, day_or_year = false, month = false, time = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i]);
        if (quoted) {
            quoted = c != '"';
        } else if (bracket) {
            bracket = c != ']';
            time = time || c == 'h' || c == 's';  // [h]:mm is elapsed time
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            bracket = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or padding)
        } else if (c == ';') {
            break;  // only the first section (positive numbers) decides what the cell shows
        } else {
            day_or_year = day_or_year || c == 'd' || c == 'y';
            month = month || c == 'm';
            time = time || c == 'h' || c == 's';
        }
    }
    return day_or_year || (month && !time);
}

tl::expected<std::vector<std::string>, ZipProblem> read_shared_strings(ZipArchive& archive,
                                                                       size_t entry) {
    SharedStringsHandler handler;
    if (auto ok = parse_xml_entry(archive, entry, handler); !ok) return tl::unexpected(ok.error());
    if (handler.too_many)
        return tl::unexpected(ZipProblem{"Bảng chuỗi dùng chung của tệp lớn bất thường",
                                         "the shared string table is abnormally large"});
    return std::move(handler.strings);
}

tl::expected<std::vector<bool>, ZipProblem> read_date_styles(ZipArchive& archive, size_t entry) {
    StylesHandler handler;
    if (auto ok = parse_xml_entry(archive, entry, handler); !ok) return tl::unexpected(ok.error());
    return std::move(handler.xf_is_date);
}

}  // namespace thidua
