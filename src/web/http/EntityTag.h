#pragma once
// Conditional GET: whether a request's If-None-Match names the response's entity tag, so that it
// can be answered 304 Not Modified without a body.

#include <string_view>

namespace thidua::web {

// If-None-Match: "*" or a comma-separated list of (possibly weak) entity tags. The comparison is
// weak (RFC 9110 §13.1.2): W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace thidua::web
