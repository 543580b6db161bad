// libFuzzer target for a .zip of dataset CSV files held in memory: the zip layer with its
// zip-bomb limits, entry selection, encoding detection and the dataset checks. No temp files.
//
//   scripts/fuzz.sh zip_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/zip/ZipDatasetReader.h"

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    thidua::Diagnostics warnings;
    const auto result = thidua::read_dataset_zip_from_memory(input, "fuzz.zip", warnings);
    if (result) {
        check(result->unit_by_id.size() == result->units.size());
    } else {
        check(!result.error().empty());
    }
    return 0;
}
