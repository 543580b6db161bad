#pragma once
// The JSON shapes of docs/API.md that several resources return.

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/AccountStore.h"
#include "store/DirectoryTypes.h"
#include "store/StoreTypes.h"
#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

using json = nlohmann::json;

// Unit id → name, for labelling ids.
using UnitNames = std::unordered_map<std::string, std::string>;
UnitNames unit_names(const std::vector<UnitRecord>& units);

json user_json(const User& user, const UnitNames& names);
json unit_json(const UnitRecord& unit, const UnitNames& names);
json person_json(const PersonRecord& person, const UnitNames& names);
json optional_number(const std::optional<double>& value);

// The request body as a JSON object, or a 400 response saying what is wrong with it.
tl::expected<json, Response> json_body(const Request& request);
// A member as text: "" when absent or not a string.
std::string text_member(const json& object, const char* name);

// A whole decimal number, nothing before or after it; nullopt otherwise.
std::optional<int64_t> parse_integer(std::string_view text);

// `?limit=` bounded to [1, max], `fallback` when absent or not a number.
int limit_param(const Request& request, int fallback, int max);

}  // namespace thidua::web
