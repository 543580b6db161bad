#pragma once
// How many threads one command may use to read a dataset or decide candidates: the machine's
// cores, at most 8, or the number in THIDUA_THREADS (benchmarks compare at a fixed count; tests
// compare one thread with several).

#include <cstddef>

namespace thidua {

size_t worker_threads();

}  // namespace thidua
