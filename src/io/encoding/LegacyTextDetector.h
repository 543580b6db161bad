#pragma once
// Finds and converts text typed in a legacy Vietnamese encoding inside a CSV text (a CSV file,
// or a sheet already turned into CSV). Cells are judged one by one with plausible_vietnamese();
// the encoding is chosen once for the whole file, by which one turns most cells into Vietnamese.
//
// - Bytes that are not UTF-8: the whole file is decoded with the encoding under which every
//   cell reads as Vietnamese; if the best one leaves a cell unreadable, the file is refused.
// - Valid UTF-8 whose cells are Western characters that do not read as Vietnamese ("Hµ Néi",
//   "Nguyeãn"): each such cell is mapped back to bytes through cp1252 and decoded. A file with no
//   real Unicode Vietnamese at all is legacy through and through, so its ambiguous cells (that
//   read as Vietnamese both ways) are converted too; in a mixed file only the clear ones are.

#include <optional>
#include <string>

#include "io/encoding/LegacyDecode.h"

namespace thidua {

struct LegacyConversion {
    LegacyEncoding encoding;
    bool whole_file = false;  // the bytes were not UTF-8
    size_t cells = 0;         // cells converted (whole_file: cells with non-ASCII text)
};

struct LegacyRefusal {
    LegacyEncoding encoding;
    std::string cell;  // the first cell that does not convert, as read
};

struct LegacyResult {
    std::optional<LegacyConversion> converted;
    std::optional<LegacyRefusal> refused;
    // The content is now valid UTF-8 (its readers need not check it again).
    bool valid_utf8 = false;
    // And NFC: it was not converted, and its letters are all precomposed Latin
    // (is_precomposed_latin), so its readers need not normalize its names.
    bool nfc = false;
};

// Converts `content` in place when a legacy encoding is found.
LegacyResult convert_legacy_text(std::string& content);

}  // namespace thidua
