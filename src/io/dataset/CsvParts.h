#pragma once
// Cuts the rows of a large CSV text into line-aligned parts, so that several threads can read a
// national person_years.csv (hundreds of MB) at once. Written by hand: no packaged CSV library
// splits a text for parallel reading with the physical line each part starts on.
//
// A part can be read apart from the others only when a line end in it cannot be inside a quoted
// field, and its lines are counted as the CSV reader counts them: when it holds no quote and no
// lone CR. Each part's own thread finds that out, in the same pass that counts its line ends
// (which number the lines of the parts after it and size its rows): one pass over the text,
// shared by the cores, instead of three on one thread before any could start.

#include <cstddef>
#include <string_view>
#include <vector>

namespace thidua {

// At most `wanted` pieces of `rows` of about equal size, each ending after a line feed (the
// last at the end of the text), none smaller than `min_bytes`: one piece for a small text.
std::vector<std::string_view> cut_at_lines(std::string_view rows, size_t wanted,
                                           size_t min_bytes = size_t{1} << 20);

struct PartScan {
    size_t line_ends = 0;  // '\n' bytes
    bool apart = true;     // no quote and no lone CR: its lines are rows of their own
};

// One pass, sixteen bytes at a time.
PartScan scan_part(std::string_view text);

}  // namespace thidua
