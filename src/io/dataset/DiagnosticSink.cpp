#include "io/dataset/DiagnosticSink.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

namespace thidua {

void DiagnosticSink::add(Diagnostic diagnostic) {
    ++m_count;
    if (!full()) m_kept.push_back(std::move(diagnostic));
}

void DiagnosticSink::absorb(DiagnosticSink&& part) {
    for (Diagnostic& d : part.m_kept) {
        if (full()) break;
        m_kept.push_back(std::move(d));
    }
    m_count += part.m_count;
    part.m_kept.clear();
    part.m_count = 0;
}

Diagnostics DiagnosticSink::take(const std::string& source) {
    // Checks that run after a whole file was read (references, cycles, duplicate years) report
    // late; grouping puts their rows back among the others.
    std::unordered_map<std::string, size_t> file_order;
    for (const Diagnostic& d : m_kept)
        file_order.emplace(d.file, file_order.size());
    std::stable_sort(m_kept.begin(), m_kept.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        const size_t fa = file_order[a.file], fb = file_order[b.file];
        return fa != fb ? fa < fb : a.line < b.line;
    });
    Diagnostics out = std::move(m_kept);
    if (m_count > out.size()) {
        const size_t more = m_count - out.size();
        Diagnostic note;
        note.file = source;
        note.message = fmt::format("Còn {} lỗi khác không được liệt kê (chỉ hiện {} lỗi đầu tiên)",
                                   more, out.size());
        note.message_en = fmt::format("{} more errors not listed (only the first {} are shown)",
                                      more, out.size());
        out.push_back(std::move(note));
    }
    m_kept.clear();
    m_count = 0;
    return out;
}

}  // namespace thidua
