#pragma once
// How many threads one command may use to read a dataset or decide candidates: the machine's
// cores, at most 8, or the number in THIDUA_THREADS (benchmarks compare at a fixed count; tests
// compare one thread with several).

#include <cstddef>
#include <thread>
#include <vector>

namespace thidua {

size_t worker_threads();

// Calls work(part) for every part in 0..parts-1: part 0 on the calling thread, each other on a
// thread of its own. Returns when all have returned.
template <typename Work>
void run_parts(size_t parts, Work&& work) {
    std::vector<std::jthread> others;
    for (size_t part = 1; part < parts; ++part)
        others.emplace_back([&work, part] { work(part); });
    if (parts > 0) work(size_t{0});
}

}  // namespace thidua
