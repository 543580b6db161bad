// libFuzzer target for the XLSX reader: the input is a whole .xlsx file held in memory (zip
// archive, package relationships, workbook, shared strings, styles, sheets), read into a
// Dataset through the same checks as a CSV folder. No temporary files.
//
//   scripts/fuzz.sh xlsx_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/xlsx/XlsxDatasetReader.h"

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

void check_dataset(const thidua::Dataset& d) {
    const auto years = static_cast<size_t>(d.year_count);
    check(d.unit_years.present.size() == d.units.size() * years);
    check(d.person_years.unit.size() == d.people.size() * years);
    check(d.unit_by_id.size() == d.units.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    thidua::Diagnostics warnings;
    const auto result = thidua::read_dataset_xlsx_from_memory(input, "fuzz.xlsx", warnings);
    if (result) {
        check_dataset(*result);
    } else {
        check(!result.error().empty());
        for (const thidua::Diagnostic& d : result.error())
            check(!d.message.empty() && !d.message_en.empty());
    }
    return 0;
}
