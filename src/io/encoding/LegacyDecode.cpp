#include "io/encoding/LegacyDecode.h"

#include <iconv.h>

#include "base/Text.h"

namespace thidua {
namespace {

constexpr LegacyEncoding kAll[] = {LegacyEncoding::Tcvn3, LegacyEncoding::Vni,
                                   LegacyEncoding::Cp1258};

// glibc iconv has both: TCVN5712-1 is a superset of the VN3 font encoding (same lowercase and
// capital codes), and it composes tone marks itself.
std::optional<std::string> decode_iconv(std::string_view bytes, const char* from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(bytes.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* dest = out.data();
    size_t out_left = out.size();
    const size_t done = iconv(cd, &in, &in_left, &dest, &out_left);
    const size_t flushed = iconv(cd, nullptr, nullptr, &dest, &out_left);
    iconv_close(cd);
    if (done == static_cast<size_t>(-1) || flushed == static_cast<size_t>(-1)) return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace

std::span<const LegacyEncoding> legacy_encodings() {
    return kAll;
}

std::string_view legacy_encoding_name(LegacyEncoding encoding) {
    switch (encoding) {
        case LegacyEncoding::Tcvn3:
            return "TCVN3 (ABC, phông .VnTime)";
        case LegacyEncoding::Vni:
            return "VNI (phông VNI-Times)";
        case LegacyEncoding::Cp1258:
            return "Windows-1258";
    }
    return "";
}

std::optional<std::string> decode_legacy(std::string_view bytes, LegacyEncoding encoding) {
    std::optional<std::string> utf8;
    switch (encoding) {
        case LegacyEncoding::Tcvn3:
            utf8 = decode_iconv(bytes, "TCVN5712-1");
            break;
        case LegacyEncoding::Vni:
            utf8 = decode_vni(bytes);
            break;
        case LegacyEncoding::Cp1258:
            utf8 = decode_iconv(bytes, "CP1258");
            break;
    }
    if (!utf8 || !is_valid_utf8(*utf8)) return std::nullopt;
    return to_nfc(*utf8);
}

}  // namespace thidua
