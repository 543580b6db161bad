#pragma once
// Content-Encoding: gzip for large bodies a client can take compressed (an evaluation's JSON is
// over 100 MB for a province and shrinks about tenfold).

#include <optional>
#include <string>
#include <string_view>

namespace thidua::web {

// Whether an Accept-Encoding header takes gzip: listed (or `*`) without q=0.
bool accepts_gzip(std::optional<std::string_view> accept_encoding);

// `bytes` as one gzip member (RFC 1952). zlib level 1: the body is compressed once and kept, but
// a request waits for it, and level 1 already gets most of the gain on JSON.
std::string gzip(std::string_view bytes);

}  // namespace thidua::web
