#pragma once
// A dataset from an .xlsx workbook: one sheet per DATA.md file, named like the file without
// .csv. Each sheet is streamed into the cells the CSV reader sees and goes through the same
// checks; problems name the sheet, the cell (C7), the column and the value.

#include <filesystem>
#include <string_view>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

tl::expected<Dataset, Diagnostics> read_dataset_xlsx(const std::filesystem::path& path,
                                                     Diagnostics& warnings);

// The workbook's bytes in memory (uploads, tests, fuzzing); `name` is what problems call it.
tl::expected<Dataset, Diagnostics> read_dataset_xlsx_from_memory(std::string_view bytes,
                                                                 const std::string& name,
                                                                 Diagnostics& warnings);

}  // namespace thidua
