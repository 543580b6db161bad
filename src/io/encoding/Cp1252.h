#pragma once
// Windows-1252 in reverse. Text typed with legacy Vietnamese fonts (.VnTime, VNI-Times) was
// stored as Western bytes and reaches us as the cp1252 characters of those bytes ("Hµ Néi"):
// the bytes are recovered here and then decoded with the real encoding.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

// The cp1252 bytes of UTF-8 text; nullopt when a character has no cp1252 byte. The five bytes
// cp1252 leaves undefined come back as the C1 controls U+0081, U+008D, U+008F, U+0090, U+009D
// (what Windows and Excel turn them into), so they map back too.
std::optional<std::string> utf8_to_cp1252(std::string_view utf8);

// Whether utf8_to_cp1252() would succeed, without building the bytes.
bool fits_cp1252(std::string_view utf8);

// What the encoding scan asks of each non-ASCII cell of a file, in one pass over it.
struct Utf8CellCheck {
    bool valid = true;        // well-formed UTF-8; the others are only meant when it is
    bool fits_cp1252 = true;  // fits_cp1252()
    bool precomposed = true;  // is_precomposed_latin(): NFC without asking ICU
};
Utf8CellCheck check_utf8_cell(std::string_view text);

}  // namespace thidua
