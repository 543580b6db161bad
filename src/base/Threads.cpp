#include "base/Threads.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace thidua {

size_t worker_threads() {
    if (const char* wanted = std::getenv("THIDUA_THREADS")) {
        const int n = std::atoi(wanted);
        if (n >= 1) return std::min<size_t>(static_cast<size_t>(n), 64);
    }
    return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
}

}  // namespace thidua
