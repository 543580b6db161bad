#pragma once
// Cuts the rows of a large CSV text into line-aligned parts, so that several threads can read a
// national person_years.csv (hundreds of MB) at once. Written by hand: no packaged CSV library
// splits a text for parallel reading with the physical line each part starts on.
//
// A text is only cut where a line end cannot be inside a quoted field and lines are counted
// the same way by every part: when it holds no quote at all and no lone CR. Otherwise, and for
// small texts, it is one part.

#include <cstddef>
#include <string_view>
#include <vector>

namespace thidua {

struct CsvPart {
    std::string_view text;
    // The rows ahead of the part and the line they start on. The part's own thread counts
    // their line ends (first_line()) instead of the splitting thread counting them for every
    // part while the others wait: half a national file is a tenth of a second.
    std::string_view before;
    int base_line = 1;

    // Physical line of the part's first row.
    int first_line() const;
};

// At most `wanted` parts of about equal size, none smaller than `min_bytes`.
std::vector<CsvPart> split_csv_rows(std::string_view rows, int first_line, size_t wanted,
                                    size_t min_bytes = size_t{1} << 20);

}  // namespace thidua
