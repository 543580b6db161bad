#pragma once
// The three legacy Vietnamese encodings offices still have files in, decoded to NFC UTF-8.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace thidua {

enum class LegacyEncoding {
    Tcvn3,   // TCVN 5712:1993 VN3, the ABC fonts (.VnTime, .VnArial)
    Vni,     // VNI Windows, the VNI-* fonts (VNI-Times)
    Cp1258,  // Windows-1258, tone marks as separate combining bytes
};

std::span<const LegacyEncoding> legacy_encodings();
std::string_view legacy_encoding_name(LegacyEncoding encoding);  // "TCVN3 (ABC)"

// NFC UTF-8, or nullopt when the bytes are not valid in the encoding.
std::optional<std::string> decode_legacy(std::string_view bytes, LegacyEncoding encoding);

// VNI has no converter in glibc iconv or ICU: our own table (VniDecoder.cpp).
std::optional<std::string> decode_vni(std::string_view bytes);

}  // namespace thidua
