#include "web/http/Gzip.h"

#include <algorithm>
#include <stdexcept>

#include <zlib.h>

#include "web/http/HttpText.h"

namespace thidua::web {
namespace {

// "q=0", "q=0.0", "q=0.000": the coding is refused.
bool refused(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        std::string_view p = trim_ows(params.substr(0, semi));
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            p.remove_prefix(2);
            return p.find_first_not_of("0.") == std::string_view::npos;
        }
        if (semi == std::string_view::npos) break;
        params.remove_prefix(semi + 1);
    }
    return false;
}

}  // namespace

bool accepts_gzip(std::optional<std::string_view> accept_encoding) {
    if (!accept_encoding) return false;
    std::string_view list = *accept_encoding;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        const auto semi = item.find(';');
        const std::string_view coding = trim_ows(item.substr(0, semi));
        if (iequals(coding, "gzip") || coding == "*")
            return semi == std::string_view::npos || !refused(item.substr(semi + 1));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

std::string gzip(std::string_view bytes) {
    z_stream z{};
    // 15 window bits + 16: a gzip header and trailer rather than zlib's.
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2");
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
    // zlib counts a call's input and output in 32 bits: a national body is fed in pieces.
    constexpr size_t kPiece = size_t{1} << 30;
    size_t fed = 0;
    int flush = Z_NO_FLUSH;
    int status = Z_OK;
    while (flush != Z_FINISH) {
        const size_t piece = std::min(bytes.size() - fed, kPiece);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
        z.avail_in = static_cast<uInt>(piece);
        fed += piece;
        flush = fed == bytes.size() ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
            z.avail_out = static_cast<uInt>(std::min(out.size() - z.total_out, kPiece));
            status = deflate(&z, flush);
        } while (status == Z_OK && (z.avail_in > 0 || flush == Z_FINISH));
    }
    const size_t written = z.total_out;
    deflateEnd(&z);
    if (status != Z_STREAM_END) throw std::runtime_error("deflate");
    out.resize(written);
    return out;
}

}  // namespace thidua::web
