#pragma once
// ASCII helpers for HTTP syntax: header names, tokens and parameters are ASCII and
// case-insensitive, whatever the bytes of the values. Internal to src/web/http.

#include <string>
#include <string_view>

namespace thidua::web {

char to_lower_ascii(char c);
std::string to_lower_ascii(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
std::string_view trim_ows(std::string_view text);

}  // namespace thidua::web
