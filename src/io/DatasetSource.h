#pragma once
// Datasets as users hand them over and take them back: a folder of CSV files, a .zip of them, or
// an .xlsx workbook with one sheet per file. Every reader ends in the same checks
// (dataset/DatasetReader), so a dataset means the same thing whatever it came in.

#include <filesystem>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

// Chooses the reader by what the path is: a folder, a .zip or an .xlsx.
tl::expected<Dataset, Diagnostics> read_dataset_path(const std::filesystem::path& path);

// The same, also listing what was read but changed on the way: files or sheets typed in a legacy
// Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258) and converted to Unicode. Warnings do not
// fail the import; the caller prints them (format() gives one line each).
tl::expected<Dataset, Diagnostics> read_dataset_path(const std::filesystem::path& path,
                                                     Diagnostics& warnings);

// Writes a dataset that read_dataset_path() reads back to the same Dataset: a folder of CSV
// files, or an .xlsx workbook when the path ends in .xlsx.
tl::expected<void, Diagnostics> write_dataset_path(const Dataset& data,
                                                   const std::filesystem::path& path);

// An empty .xlsx workbook for users to fill: one sheet per DATA.md file with its header row, a
// second row of Vietnamese column titles (the reader skips it), drop-down lists for coded
// columns, column widths and a frozen header.
tl::expected<void, Diagnostics> write_dataset_template(const std::filesystem::path& path);

}  // namespace thidua
