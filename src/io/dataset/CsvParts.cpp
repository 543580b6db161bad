#include "io/dataset/CsvParts.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/Text.h"

namespace thidua {

std::vector<std::string_view> cut_at_lines(std::string_view rows, size_t wanted, size_t min_bytes) {
    const size_t parts =
        std::min(wanted, std::max<size_t>(1, rows.size() / std::max<size_t>(min_bytes, 1)));
    if (parts <= 1) return {rows};
    std::vector<std::string_view> out;
    size_t begin = 0;
    for (size_t k = 1; k <= parts && begin < rows.size(); ++k) {
        size_t end = rows.size();
        if (k < parts) {
            const size_t target = std::max(begin, rows.size() * k / parts);
            const size_t newline = rows.find('\n', target);
            end = newline == std::string_view::npos ? rows.size() : newline + 1;
        }
        out.push_back(rows.substr(begin, end - begin));
        begin = end;
    }
    return out;
}

namespace {

// A quote, or a CR not followed by LF, at an offset in from..to-1 of `text`.
bool holds_quote_or_lone_cr(std::string_view text, size_t from, size_t to) {
    const std::string_view window = text.substr(0, to);
    for (size_t at = find_either(window, from, '"', '\r'); at != std::string_view::npos;
         at = find_either(window, at + 1, '"', '\r')) {
        if (text[at] == '"' || at + 1 >= text.size() || text[at + 1] != '\n') return true;
    }
    return false;
}

}  // namespace

PartScan scan_part(std::string_view text) {
    PartScan scan;
    size_t i = 0;
#if defined(__SSE2__)
    // Line feeds are counted in byte lanes (at most 255 rounds before a lane could wrap) and
    // summed with psadbw; a block with a quote or a CR is looked at closely only from there.
    const __m128i newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    const __m128i cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
    while (i + 16 <= text.size()) {
        __m128i lanes = zero, marks = zero;
        const size_t rounds = std::min<size_t>(255, (text.size() - i) / 16);
        const size_t start = i;
        for (size_t r = 0; r < rounds; ++r, i += 16) {
            const __m128i bytes =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(bytes, newline));
            marks = _mm_or_si128(
                marks, _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, cr)));
        }
        const __m128i sums = _mm_sad_epu8(lanes, zero);
        scan.line_ends += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
                          static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
        // CRLF files mark every block: only a quote or a lone CR stops a part being apart.
        if (scan.apart && _mm_movemask_epi8(marks) != 0)
            scan.apart = !holds_quote_or_lone_cr(text, start, i);
    }
#endif
    const std::string_view rest = text.substr(i);
    scan.line_ends += count_newlines(rest);
    if (scan.apart) scan.apart = !holds_quote_or_lone_cr(text, i, text.size());
    return scan;
}

}  // namespace thidua
