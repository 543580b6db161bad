// libFuzzer target for JSON request bodies as the API reads them (login, users, tokens,
// password change): UTF-8 check, parse, the members each handler takes, roles.
//
//   scripts/fuzz.sh json_body_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string>

#include "store/AccountStore.h"
#include "web/app/JsonViews.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    thidua::web::Request request;
    request.method = "POST";
    request.headers = {{"content-type", "application/json"}};
    request.body.assign(reinterpret_cast<const char*>(data), size);
    auto body = thidua::web::json_body(request);
    if (!body) {
        // Every refusal is a proper error response.
        if (body.error().status != 400 && body.error().status != 415) __builtin_trap();
        return 0;
    }
    for (const char* name : {"username", "password", "role", "unit_id", "display_name",
                             "current_password", "new_password", "name"}) {
        const std::string text = thidua::web::text_member(*body, name);
        (void)thidua::parse_role(text);
    }
    if (auto days = body->find("days"); days != body->end() && days->is_number_integer())
        (void)days->get<int64_t>();
    return 0;
}
