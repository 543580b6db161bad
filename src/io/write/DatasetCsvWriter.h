#pragma once
// A Dataset written as the CSV folder of DATA.md: UTF-8 without BOM, a header row with every
// column, RFC 4180 quoting. read_dataset_dir() reads it back to the same Dataset.

#include <filesystem>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

// The folder is created when missing. A folder that already holds a dataset file this dataset
// would not overwrite is refused: the stale file would be read back as part of the dataset.
tl::expected<void, Diagnostics> write_dataset_csv_dir(const Dataset& data,
                                                      const std::filesystem::path& dir);

}  // namespace thidua
