#include "io/DatasetSource.h"

#include "io/dataset/DatasetReader.h"
#include "io/encoding/CsvEncodingFilter.h"
#include "io/write/DatasetCsvWriter.h"
#include "io/xlsx/XlsxDatasetReader.h"
#include "io/xlsx/XlsxDatasetWriter.h"
#include "io/zip/ZipDatasetReader.h"

namespace thidua {
namespace {

Diagnostics one(const std::filesystem::path& path, std::string vi, std::string en) {
    return {Diagnostic::about_file(path.string(), std::move(vi), std::move(en))};
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

}  // namespace

tl::expected<Dataset, Diagnostics> read_dataset_path(const std::filesystem::path& path) {
    Diagnostics warnings;
    return read_dataset_path(path, warnings);
}

tl::expected<Dataset, Diagnostics> read_dataset_path(const std::filesystem::path& path,
                                                     Diagnostics& warnings) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return read_dataset_dir(path, csv_encoding_filter(warnings));
    if (!std::filesystem::exists(path, error))
        return tl::unexpected(
            one(path, "không tìm thấy thư mục hoặc tệp dữ liệu", "no such folder or file"));
    const std::string ext = lower_extension(path);
    if (ext == ".xlsx" || ext == ".xlsm") return read_dataset_xlsx(path, warnings);
    if (ext == ".zip") return read_dataset_zip(path, warnings);
    if (ext == ".xls" || ext == ".ods")
        return tl::unexpected(one(path,
                                  "định dạng bảng tính này không được hỗ trợ; hãy lưu lại dạng "
                                  "Excel Workbook (.xlsx)",
                                  "this spreadsheet format is not supported; save it as an Excel "
                                  "Workbook (.xlsx)"));
    return tl::unexpected(one(path, "cần một thư mục các tệp CSV, một tệp .zip hoặc .xlsx",
                              "expected a folder of CSV files, a .zip or an .xlsx file"));
}

tl::expected<void, Diagnostics> write_dataset_path(const Dataset& data,
                                                   const std::filesystem::path& path) {
    if (lower_extension(path) == ".xlsx") return write_dataset_xlsx(data, path);
    return write_dataset_csv_dir(data, path);
}

tl::expected<void, Diagnostics> write_dataset_template(const std::filesystem::path& path) {
    return write_dataset_xlsx_template(path);
}

}  // namespace thidua
