#include "io/xlsx/SheetReader.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "io/xlsx/CellText.h"
#include "io/xlsx/XmlStream.h"

namespace thidua {
namespace {

constexpr int kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;
constexpr size_t kMaxProblems = 1000;

// What is known of the cell being read, between <c> and </c>.
struct PendingCell {
    int col = 0;
    std::string type;
    int style = -1;
    bool has_value = false;
    bool has_formula = false;
    std::string value;  // <v>, or the joined <t> of an inline string
};

class SheetHandler : public XmlHandler {
public:
    SheetHandler(const SheetContext& context, SheetRowSink& sink) : m_ctx(context), m_sink(sink) {}

    SheetResult result;

    void start(const XmlName& name, const XmlAttributes& attrs) override {
        const std::string_view n = name.local;
        if (n == "row") {
            start_row(attrs);
        } else if (n == "c" && m_in_row) {
            start_cell(attrs);
        } else if (!m_in_cell) {
            if (n == "mergeCell" && attrs.get("ref")) result.merged.emplace_back(attrs.get("ref"));
        } else if (n == "v" || (n == "t" && m_phonetic == 0)) {
            m_collect = true;
            m_cell.has_value = true;
        } else if (n == "f") {
            m_cell.has_formula = true;
        } else if (n == "rPh") {
            ++m_phonetic;
        }
    }

    void end(const XmlName& name) override {
        const std::string_view n = name.local;
        if (n == "v" || n == "t") {
            m_collect = false;
        } else if (n == "rPh") {
            --m_phonetic;
        } else if (n == "c" && m_in_cell) {
            finish_cell();
        } else if (n == "row" && m_in_row) {
            m_in_row = false;
            if (!m_cells.empty()) m_sink.row(m_row, m_cells);
        }
    }

    void text(std::string_view t) override {
        if (m_collect) m_cell.value += t;
    }

private:
    static int to_int(const char* text, int fallback) {
        int value = fallback;
        const auto [ptr, error] =
            std::from_chars(text, text + std::char_traits<char>::length(text), value);
        return error == std::errc() ? value : fallback;
    }

    void start_row(const XmlAttributes& attrs) {
        const char* r = attrs.get("r");
        const int row = r ? to_int(r, m_row + 1) : m_row + 1;
        m_row = std::min(std::max(row, m_row + 1), kMaxRows);  // rows only go down the sheet
        m_col = -1;
        m_cells.clear();
        m_in_row = true;
    }

    void start_cell(const XmlAttributes& attrs) {
        m_cell = PendingCell();
        int col = m_col + 1;
        if (const char* r = attrs.get("r")) {
            if (const std::optional<CellRef> ref = parse_cell_ref(r)) col = ref->col;
        }
        m_cell.col = m_col = std::min(std::max(col, m_col + 1), kMaxColumns - 1);
        if (const char* t = attrs.get("t")) m_cell.type = t;
        if (const char* s = attrs.get("s")) m_cell.style = to_int(s, -1);
        m_in_cell = true;
    }

    void problem(std::string value, std::string vi, std::string en) {
        if (result.problems.size() >= kMaxProblems) return;
        result.problems.push_back(
            {m_row, m_cell.col, std::move(value), std::move(vi), std::move(en)});
    }

    bool is_date_style() const {
        const auto* styles = m_ctx.date_styles;
        return styles && m_cell.style >= 0 && static_cast<size_t>(m_cell.style) < styles->size() &&
               (*styles)[static_cast<size_t>(m_cell.style)];
    }

    std::optional<std::string> shared_string() {
        const auto* strings = m_ctx.shared_strings;
        const int index = to_int(m_cell.value.c_str(), -1);
        if (strings && index >= 0 && static_cast<size_t>(index) < strings->size())
            return (*strings)[static_cast<size_t>(index)];
        problem(m_cell.value, "Ô tham chiếu tới một chuỗi không có trong bảng chuỗi của tệp",
                "the cell refers to a string missing from the shared string table");
        return std::nullopt;
    }

    std::optional<std::string> number() {
        if (is_date_style()) {
            if (auto iso = serial_to_iso(m_cell.value, m_ctx.date1904)) return iso;
        }
        return plain_number(m_cell.value);
    }

    std::optional<std::string> value() {
        const std::string& t = m_cell.type;
        if (t == "s") return shared_string();
        if (t == "inlineStr" || t == "str") return unescape_ooxml(m_cell.value);
        if (t == "b") return std::string(m_cell.value == "1" || m_cell.value == "true" ? "1" : "0");
        if (t == "d") return m_cell.value.substr(0, m_cell.value.find('T'));
        if (t == "e") {
            problem(m_cell.value, fmt::format("Ô chứa lỗi của Excel ({})", m_cell.value),
                    fmt::format("the cell holds an Excel error ({})", m_cell.value));
            return std::nullopt;
        }
        return number();
    }

    void finish_cell() {
        m_in_cell = false;
        m_collect = false;
        if (!m_cell.has_value) {
            if (m_cell.has_formula)
                problem({},
                        "Ô có công thức nhưng không có giá trị đã tính; hãy mở tệp bằng Excel "
                        "và lưu lại",
                        "the cell has a formula but no computed value; open the file in Excel "
                        "and save it again");
            return;
        }
        std::optional<std::string> text = value();
        if (text && !text->empty()) m_cells.push_back({m_cell.col, std::move(*text)});
    }

    const SheetContext& m_ctx;
    SheetRowSink& m_sink;
    int m_row = 0;
    int m_col = -1;
    bool m_in_row = false;
    bool m_in_cell = false;
    bool m_collect = false;
    int m_phonetic = 0;
    PendingCell m_cell;
    std::vector<SheetCell> m_cells;
};

}  // namespace

tl::expected<SheetResult, ZipProblem> read_sheet(ZipArchive& archive, size_t entry,
                                                 const SheetContext& context, SheetRowSink& sink) {
    SheetHandler handler(context, sink);
    if (auto ok = parse_xml_entry(archive, entry, handler); !ok) return tl::unexpected(ok.error());
    return std::move(handler.result);
}

}  // namespace thidua
