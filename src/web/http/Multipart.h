#pragma once
// multipart/form-data bodies (RFC 7578) as browsers send file uploads. Parsed by hand: no
// Debian package offers a standalone parser. Bad input is a result, never an exception.

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace thidua::web {

struct MultipartPart {
    std::string name;          // form field name
    std::string filename;      // empty for plain fields
    std::string content_type;  // as sent; empty when absent
    std::string_view data;     // points into the body
};

// `content_type` is the request's Content-Type header (it carries the boundary).
tl::expected<std::vector<MultipartPart>, std::string> parse_multipart(std::string_view content_type,
                                                                      std::string_view body);

// application/x-www-form-urlencoded and query strings: decoded pairs in order.
std::vector<std::pair<std::string, std::string>> parse_form_urlencoded(std::string_view text);
std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace thidua::web
