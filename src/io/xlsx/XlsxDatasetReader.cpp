#include "io/xlsx/XlsxDatasetReader.h"

#include <fstream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "base/Text.h"
#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetReader.h"
#include "io/encoding/CsvEncodingFilter.h"
#include "io/xlsx/CellText.h"
#include "io/xlsx/SheetCsv.h"
#include "io/xlsx/XlsxPackage.h"
#include "io/xlsx/XlsxParts.h"

namespace thidua {
namespace {

// An OLE compound file: what Excel writes for a password-protected workbook (and old .xls).
constexpr std::string_view kCfbMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

struct SheetInfo {
    std::string sheet;  // the name as the workbook spells it
    std::unique_ptr<SheetCsv> table;
};

// What one import learns about the workbook, to name sheets and cells in problems.
struct WorkbookRead {
    std::string name;
    std::map<std::string, SheetInfo> by_file;  // "units.csv" -> its sheet
    Diagnostics problems;
};

Diagnostic workbook_problem(const std::string& name, std::string vi, std::string en) {
    return Diagnostic::about_file(name, std::move(vi), std::move(en));
}

Diagnostics refused(const std::string& name, const ZipProblem& p) {
    return {workbook_problem(name, p.vi, p.en)};
}

Diagnostics encrypted(const std::string& name) {
    return {workbook_problem(name,
                             "Tệp được bảo vệ bằng mật khẩu (mã hoá) hoặc là tệp .xls cũ; hãy gỡ "
                             "mật khẩu và lưu dạng Excel Workbook (.xlsx)",
                             "the workbook is password protected (encrypted) or an old .xls "
                             "file; remove the password and save it as an Excel Workbook (.xlsx)")};
}

std::string sheet_label(const std::string& workbook, const std::string& sheet) {
    return fmt::format("[{}]{}", workbook, sheet);
}

// "Units", " units ", "units.csv" all name the units sheet.
const SchemaFile* schema_of(std::string_view sheet_name) {
    std::string name(trim_cell(sheet_name));
    for (char& c : name)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (name.ends_with(".csv")) name.resize(name.size() - 4);
    return schema_for_sheet(name);
}

void add_sheet_problems(WorkbookRead& read, const std::string& sheet, const SheetResult& result) {
    for (const SheetProblem& p : result.problems) {
        const std::string cell = column_letters(p.col) + std::to_string(p.row);
        Diagnostic d;
        d.file = sheet_label(read.name, sheet);
        d.line = p.row;
        d.value = p.value;
        d.message = fmt::format("Ô {}: {}", cell, p.vi);
        d.message_en = fmt::format("cell {}: {}", cell, p.en);
        read.problems.push_back(std::move(d));
    }
}

void warn_unknown_sheet(Diagnostics& warnings, const std::string& workbook, const std::string& s) {
    warnings.push_back(workbook_problem(
        sheet_label(workbook, s),
        "Trang tính không thuộc bộ dữ liệu nên được bỏ qua (tên trang tính phải là units, "
        "people, unit_years, component_years, person_years, registrations, events hoặc dossiers)",
        "the sheet is not a dataset sheet and is ignored (sheet names are units, people, "
        "unit_years, component_years, person_years, registrations, events or dossiers)"));
}

// Streams one dataset sheet into its CSV text.
tl::expected<void, ZipProblem> read_dataset_sheet(ZipArchive& archive, const XlsxSheetRef& ref,
                                                  const SchemaFile& file,
                                                  const SheetContext& context, WorkbookRead& read) {
    auto table = std::make_unique<SheetCsv>(file);
    auto result = read_sheet(archive, ref.entry, context, *table);
    if (!result) return tl::unexpected(result.error());
    table->finish();
    add_sheet_problems(read, ref.name, *result);
    read.by_file[std::string(file.file)] = {ref.name, std::move(table)};
    return {};
}

tl::expected<void, ZipProblem> read_sheets(ZipArchive& archive, const XlsxWorkbook& workbook,
                                           const SheetContext& context, WorkbookRead& read,
                                           Diagnostics& warnings) {
    for (const XlsxSheetRef& ref : workbook.sheets) {
        const SchemaFile* file = schema_of(ref.name);
        if (file == nullptr) {
            if (!ref.hidden) warn_unknown_sheet(warnings, read.name, ref.name);
            continue;
        }
        if (read.by_file.contains(std::string(file->file))) {
            read.problems.push_back(
                workbook_problem(sheet_label(read.name, ref.name),
                                 fmt::format("Có hai trang tính cho cùng bảng {}", file->sheet),
                                 fmt::format("two sheets hold the same table {}", file->sheet)));
            continue;
        }
        if (auto ok = read_dataset_sheet(archive, ref, *file, context, read); !ok) return ok;
    }
    return {};
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// A problem the CSV checks found, told in the workbook's terms: sheet, row, cell.
void relabel(const WorkbookRead& read, Diagnostic& d) {
    for (const auto& [file, info] : read.by_file) {
        d.message = replace_all(d.message, file, fmt::format("trang tính \"{}\"", info.sheet));
        d.message_en = replace_all(d.message_en, file, fmt::format("sheet \"{}\"", info.sheet));
    }
    const auto found = read.by_file.find(d.file);
    if (found == read.by_file.end()) {
        if (d.file == "dataset") d.file = read.name;
        return;
    }
    const SheetInfo& info = found->second;
    d.file = sheet_label(read.name, info.sheet);
    if (d.line > 0) d.line = info.table->sheet_row(d.line);
    const int col = d.field.empty() ? -1 : info.table->column_of(d.field);
    if (col < 0 || d.line <= 0) return;
    const std::string cell = column_letters(col) + std::to_string(d.line);
    d.message = fmt::format("Ô {}: {}", cell, d.message);
    d.message_en = fmt::format("cell {}: {}", cell, d.message_en);
}

tl::expected<Dataset, Diagnostics> check_dataset(WorkbookRead& read, Diagnostics& warnings) {
    DatasetFiles files;
    for (auto& [file, info] : read.by_file)
        files[file] = std::move(info.table->csv());
    Diagnostics converted;
    auto data = read_dataset_from_memory(files, csv_encoding_filter(converted));
    for (Diagnostic& w : converted) {
        relabel(read, w);
        warnings.push_back(std::move(w));
    }
    Diagnostics problems = std::move(read.problems);
    if (!data) {
        for (Diagnostic& d : data.error()) {
            relabel(read, d);
            problems.push_back(std::move(d));
        }
    }
    if (!problems.empty()) return tl::unexpected(std::move(problems));
    return std::move(*data);
}

tl::expected<Dataset, Diagnostics> read_workbook(ZipArchive& archive, const std::string& name,
                                                 Diagnostics& warnings) {
    auto workbook = open_xlsx_workbook(archive);
    if (!workbook) return tl::unexpected(refused(name, workbook.error()));
    std::vector<std::string> strings;
    std::vector<bool> date_styles;
    if (workbook->shared_strings) {
        auto s = read_shared_strings(archive, *workbook->shared_strings);
        if (!s) return tl::unexpected(refused(name, s.error()));
        strings = std::move(*s);
    }
    if (workbook->styles) {
        auto s = read_date_styles(archive, *workbook->styles);
        if (!s) return tl::unexpected(refused(name, s.error()));
        date_styles = std::move(*s);
    }
    const SheetContext context{&strings, &date_styles, workbook->date1904};
    WorkbookRead read{name, {}, {}};
    if (auto ok = read_sheets(archive, *workbook, context, read, warnings); !ok)
        return tl::unexpected(refused(name, ok.error()));
    if (!read.by_file.contains("units.csv"))
        return tl::unexpected(Diagnostics{
            workbook_problem(name, "Thiếu trang tính bắt buộc \"units\" (danh sách đơn vị)",
                             "the required sheet \"units\" (the list of units) is missing")});
    return check_dataset(read, warnings);
}

bool starts_with_cfb(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    return in.gcount() == 8 && std::string_view(head, 8) == kCfbMagic;
}

}  // namespace

tl::expected<Dataset, Diagnostics> read_dataset_xlsx(const std::filesystem::path& path,
                                                     Diagnostics& warnings) {
    const std::string name = path.filename().string();
    if (starts_with_cfb(path)) return tl::unexpected(encrypted(name));
    auto archive = ZipArchive::open_file(path);
    if (!archive) return tl::unexpected(refused(name, archive.error()));
    return read_workbook(*archive, name, warnings);
}

tl::expected<Dataset, Diagnostics> read_dataset_xlsx_from_memory(std::string_view bytes,
                                                                 const std::string& name,
                                                                 Diagnostics& warnings) {
    if (bytes.starts_with(kCfbMagic)) return tl::unexpected(encrypted(name));
    auto archive = ZipArchive::open_memory(bytes);
    if (!archive) return tl::unexpected(refused(name, archive.error()));
    return read_workbook(*archive, name, warnings);
}

}  // namespace thidua
