#pragma once
// A dataset from a .zip of its CSV files (the files may sit in one folder inside the zip), with
// the same checks and encoding conversion as a CSV folder.

#include <filesystem>
#include <string_view>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

tl::expected<Dataset, Diagnostics> read_dataset_zip(const std::filesystem::path& path,
                                                    Diagnostics& warnings);

// The zip's bytes in memory (uploads, tests, fuzzing); `name` is what problems call it.
tl::expected<Dataset, Diagnostics> read_dataset_zip_from_memory(std::string_view bytes,
                                                                const std::string& name,
                                                                Diagnostics& warnings);

}  // namespace thidua
