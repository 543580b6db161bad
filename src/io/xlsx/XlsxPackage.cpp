#include "io/xlsx/XlsxPackage.h"

#include <map>

#include <fmt/format.h>

#include "io/xlsx/XmlStream.h"

namespace thidua {
namespace {

constexpr std::string_view kStrictPrefix = "http://purl.oclc.org/ooxml/";
constexpr std::string_view kStrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr std::string_view kRelationshipsNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Relationship {
    std::string type;  // the last path segment of the type URI: "worksheet", "styles", ...
    std::string target;
    bool strict = false;
};

ZipProblem strict_ooxml() {
    return {
        "Tệp được lưu dạng \"Strict Open XML\"; hãy mở bằng Excel và lưu lại dạng \"Excel "
        "Workbook (.xlsx)\"",
        "the workbook is saved as Strict Open XML; open it in Excel and save it as an Excel "
        "Workbook (.xlsx)"};
}

ZipProblem missing_part(std::string_view what) {
    return {fmt::format("Tệp .xlsx không hợp lệ: không tìm thấy {}", what),
            fmt::format("not a valid .xlsx file: {} is missing", what)};
}

class RelsHandler : public XmlHandler {
public:
    std::map<std::string, Relationship> by_id;

    void start(const XmlName& name, const XmlAttributes& attrs) override {
        if (name.local != "Relationship") return;
        const char* id = attrs.get("Id");
        const char* type = attrs.get("Type");
        const char* target = attrs.get("Target");
        const char* mode = attrs.get("TargetMode");
        if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
        const std::string_view t(type);
        Relationship r;
        r.type = std::string(t.substr(t.rfind('/') + 1));
        r.target = target;
        r.strict = t.starts_with(kStrictPrefix);
        by_id.emplace(id, std::move(r));
    }
    void end(const XmlName&) override {}
};

std::string rels_part_of(std::string_view part) {
    const size_t slash = part.rfind('/');
    const std::string_view folder =
        slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
    const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return fmt::format("{}_rels/{}.rels", folder, file);
}

// The relationships of a part; an absent .rels is an empty list.
tl::expected<std::map<std::string, Relationship>, ZipProblem> read_rels(ZipArchive& archive,
                                                                        std::string_view part) {
    const std::optional<size_t> entry = archive.find(rels_part_of(part));
    if (!entry) return std::map<std::string, Relationship>{};
    RelsHandler handler;
    if (auto parsed = parse_xml_entry(archive, *entry, handler); !parsed)
        return tl::unexpected(parsed.error());
    return std::move(handler.by_id);
}

class WorkbookHandler : public XmlHandler {
public:
    struct Sheet {
        std::string name, rel_id;
        bool hidden = false;
    };
    std::vector<Sheet> sheets;
    bool date1904 = false;
    bool strict = false;

    void start(const XmlName& name, const XmlAttributes& attrs) override {
        if (name.ns == kStrictMain) {
            strict = true;
            stop = true;
        } else if (name.local == "workbookPr") {
            const char* v = attrs.get("date1904");
            date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
        } else if (name.local == "sheet") {
            const char* sheet_name = attrs.get("name");
            const char* id = attrs.get(kRelationshipsNs, "id");
            const char* state = attrs.get("state");
            if (!sheet_name || !id) return;
            sheets.push_back({sheet_name, id, state && std::string_view(state) != "visible"});
        }
    }
    void end(const XmlName&) override {}
};

tl::expected<std::string, ZipProblem> workbook_part(ZipArchive& archive) {
    auto rels = read_rels(archive, "");
    if (!rels) return tl::unexpected(rels.error());
    for (const auto& [id, r] : *rels) {
        if (r.type != "officeDocument") continue;
        if (r.strict) return tl::unexpected(strict_ooxml());
        return resolve_part("", r.target);
    }
    return tl::unexpected(missing_part("workbook (quan hệ officeDocument)"));
}

std::optional<size_t> find_by_type(ZipArchive& archive, std::string_view workbook,
                                   const std::map<std::string, Relationship>& rels,
                                   std::string_view type) {
    for (const auto& [id, r] : rels) {
        if (r.type == type) return archive.find(resolve_part(workbook, r.target));
    }
    return std::nullopt;
}

tl::expected<XlsxWorkbook, ZipProblem> assemble(ZipArchive& archive, const std::string& workbook,
                                                const WorkbookHandler& parsed,
                                                const std::map<std::string, Relationship>& rels) {
    XlsxWorkbook out;
    out.date1904 = parsed.date1904;
    out.shared_strings = find_by_type(archive, workbook, rels, "sharedStrings");
    out.styles = find_by_type(archive, workbook, rels, "styles");
    for (const auto& sheet : parsed.sheets) {
        const auto r = rels.find(sheet.rel_id);
        if (r == rels.end() || r->second.type != "worksheet") continue;  // chartsheets, dialogs
        const std::optional<size_t> entry = archive.find(resolve_part(workbook, r->second.target));
        if (!entry)
            return tl::unexpected(missing_part(fmt::format("trang tính \"{}\"", sheet.name)));
        out.sheets.push_back({sheet.name, *entry, sheet.hidden});
    }
    return out;
}

}  // namespace

std::string resolve_part(std::string_view source_part, std::string_view target) {
    std::string path;
    if (target.starts_with('/')) {
        path = std::string(target.substr(1));
    } else {
        const size_t slash = source_part.rfind('/');
        path = std::string(slash == std::string_view::npos ? "" : source_part.substr(0, slash + 1));
        path += target;
    }
    std::vector<std::string> parts;
    size_t begin = 0;
    while (begin <= path.size()) {
        const size_t end = std::min(path.find('/', begin), path.size());
        const std::string segment = path.substr(begin, end - begin);
        if (segment == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!segment.empty() && segment != ".") {
            parts.push_back(segment);
        }
        begin = end + 1;
    }
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : "/") + p;
    return out;
}

tl::expected<XlsxWorkbook, ZipProblem> open_xlsx_workbook(ZipArchive& archive) {
    auto workbook = workbook_part(archive);
    if (!workbook) return tl::unexpected(workbook.error());
    const std::optional<size_t> entry = archive.find(*workbook);
    if (!entry) return tl::unexpected(missing_part(*workbook));
    WorkbookHandler parsed;
    if (auto ok = parse_xml_entry(archive, *entry, parsed); !ok) return tl::unexpected(ok.error());
    if (parsed.strict) return tl::unexpected(strict_ooxml());
    auto rels = read_rels(archive, *workbook);
    if (!rels) return tl::unexpected(rels.error());
    return assemble(archive, *workbook, parsed, *rels);
}

}  // namespace thidua
