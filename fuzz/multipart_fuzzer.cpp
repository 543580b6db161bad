// libFuzzer target for what the web layer parses from untrusted bytes before any handler sees
// them: multipart/form-data bodies (the first input line is the Content-Type, the rest the
// body), form-urlencoded text and the Cookie header.
//
//   scripts/fuzz.sh multipart_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/http/Cookies.h"
#include "web/http/Multipart.h"

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

bool inside(std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() &&
                            part.data() + part.size() <= whole.data() + whole.size());
}

void fuzz_multipart(std::string_view input) {
    const auto newline = input.find('\n');
    const std::string_view content_type = input.substr(0, newline);
    const std::string_view body =
        newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    const auto parts = thidua::web::parse_multipart(content_type, body);
    if (!parts) {
        check(!parts.error().empty());
        return;
    }
    check(parts->size() <= 100);
    for (const auto& part : *parts)
        check(inside(part.data, body));
}

void fuzz_form(std::string_view input) {
    for (const auto& [key, value] : thidua::web::parse_form_urlencoded(input))
        check(key.size() + value.size() <= input.size());
    check(thidua::web::percent_decode(input, false).size() <= input.size());
}

void fuzz_cookie(std::string_view input) {
    for (std::string_view name : {"thidua_session", "a", ""}) {
        if (const auto value = thidua::web::find_cookie(input, name))
            check(value->size() <= input.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_multipart(input);
    fuzz_form(input);
    fuzz_cookie(input);
    return 0;
}
