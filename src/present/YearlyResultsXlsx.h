#pragma once
// The yearly facts of some units over some years as a workbook that is itself a dataset: sheets
// `units`, `unit_years` and (when the dataset has them) `component_years` with DATA.md's column
// names, so officers can read it, correct it and import it back. A title row and a row of
// Vietnamese column titles make it readable; the dataset reader skips both.

#include <filesystem>
#include <span>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

// The units at `units` (indexes into data.units; repeats and bad indexes ignored) with their
// unit_years and the component_years rows they advise on, for the years [first_year,
// last_year] the dataset covers. Links to units left out (parent, successor_of) are dropped:
// the reader refuses a reference to a unit the file does not hold. No people. Pure.
Dataset yearly_results_dataset(const Dataset& data, std::span<const Index> units, int first_year,
                               int last_year);

tl::expected<void, Diagnostics> write_yearly_results_xlsx(const Dataset& data,
                                                          std::span<const Index> units,
                                                          int first_year, int last_year,
                                                          const std::filesystem::path& path);

}  // namespace thidua
