// libFuzzer target for legacy Vietnamese encodings: the decoders (iconv TCVN3 and CP1258, our
// VNI table), the cp1252 reverse map, the syllable check and the whole-file detector. Whatever
// the input, what comes out converted must be valid UTF-8, and a file that was valid UTF-8 keeps
// its CSV structure (line breaks, commas and quotes are never touched).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/Text.h"
#include "io/encoding/Cp1252.h"
#include "io/encoding/LegacyDecode.h"
#include "io/encoding/LegacyTextDetector.h"
#include "io/encoding/VietnameseSyllables.h"

namespace {

using namespace thidua;

void check(bool condition) {
    if (!condition) __builtin_trap();
}

size_t structure(std::string_view s) {
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == ',' || c == '"'; }));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    for (LegacyEncoding encoding : legacy_encodings()) {
        if (const auto decoded = decode_legacy(input, encoding)) check(is_valid_utf8(*decoded));
    }
    if (is_valid_utf8(input)) {
        plausible_vietnamese(input);
        if (const auto bytes = utf8_to_cp1252(input)) check(bytes->size() <= input.size());
    }
    std::string content(input);
    const LegacyResult result = convert_legacy_text(content);
    if (result.converted) {
        check(is_valid_utf8(content));
        if (is_valid_utf8(input)) check(structure(content) == structure(input));
    } else if (!result.refused) {
        check(content == input);
    }
    return 0;
}
