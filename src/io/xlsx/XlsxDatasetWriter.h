#pragma once
// A Dataset as an .xlsx workbook (libxlsxwriter): one sheet per DATA.md file, a header row,
// numbers as numbers, dates as Excel dates, ids and names as text. And the empty template users
// fill.

#include <filesystem>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

tl::expected<void, Diagnostics> write_dataset_xlsx(const Dataset& data,
                                                   const std::filesystem::path& path);

tl::expected<void, Diagnostics> write_dataset_xlsx_template(const std::filesystem::path& path);

}  // namespace thidua
