#pragma once
// Rows of the dataset's tables are named by their position: a unit, a person, a component.

#include <cstdint>

namespace thidua {

using Index = int32_t;
constexpr Index kNoIndex = -1;

}  // namespace thidua
