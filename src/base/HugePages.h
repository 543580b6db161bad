#pragma once
// Large buffers backed by 2 MB pages. Debian runs transparent huge pages in "madvise" mode, so a
// buffer gets them only when asked. A national dataset fills about a gigabyte of fresh memory
// (file texts, rows, columns); faulted in 4 KB at a time that was over a second of system time
// (measured: 1.3 s against 0.6 s with huge pages, and a faster evaluation from fewer TLB misses).

#include <cstddef>
#include <string>
#include <vector>

namespace thidua {

// Advises the kernel to use huge pages for the whole 2 MB pages inside [data, data + bytes).
// Call it before the memory is first written. Small buffers, and systems without transparent
// huge pages, are left as they are.
void advise_huge_pages(const void* data, size_t bytes);

// reserve(), with huge pages for a large buffer. Reserving only: the memory is not touched.
template <typename T>
void reserve_huge(std::vector<T>& v, size_t count) {
    v.reserve(count);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

// A string of `size` bytes, huge pages advised before the zero bytes are written.
std::string huge_string(size_t size);

}  // namespace thidua
