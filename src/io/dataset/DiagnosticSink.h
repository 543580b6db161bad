#pragma once
// Collects the problems of one import. Every problem is counted, but only the first `cap` are
// kept: a sheet with a shifted column would otherwise produce a million identical lines.

#include <cstddef>
#include <string>

#include "base/Diagnostic.h"

namespace thidua {

class DiagnosticSink {
public:
    static constexpr size_t kDefaultCap = 200;

    explicit DiagnosticSink(size_t cap = kDefaultCap) : m_cap(cap) {}

    void add(Diagnostic diagnostic);
    // Adds what `part` collected, as if its problems had been added here one by one: the
    // problems of parts read on several threads join in the order of the parts.
    void absorb(DiagnosticSink&& part);
    bool empty() const { return m_count == 0; }
    size_t count() const { return m_count; }
    bool full() const { return m_kept.size() >= m_cap; }

    // The kept diagnostics grouped by file (in the order files first appear) and by row, then
    // one more naming how many were left out, attributed to `source`.
    Diagnostics take(const std::string& source);

private:
    size_t m_cap;
    size_t m_count = 0;
    Diagnostics m_kept;
};

}  // namespace thidua
