#pragma once
// A Dataset as an .xlsx workbook (libxlsxwriter): one sheet per DATA.md file, a header row,
// numbers as numbers, dates as Excel dates, ids and names as text. And the empty template users
// fill.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

tl::expected<void, Diagnostics> write_dataset_xlsx(const Dataset& data,
                                                   const std::filesystem::path& path);

// Rows above and under each sheet's header that the reader (SheetCsv) skips, so that a workbook
// made for people to read still imports as a dataset.
struct XlsxDatasetLayout {
    std::string title;               // a one-cell title row above the header; none when empty
    bool vietnamese_titles = false;  // the template's row of Vietnamese titles under the header
};

tl::expected<void, Diagnostics> write_dataset_xlsx(const Dataset& data,
                                                   const std::filesystem::path& path,
                                                   const XlsxDatasetLayout& layout);

tl::expected<void, Diagnostics> write_dataset_xlsx_template(const std::filesystem::path& path);

}  // namespace thidua
