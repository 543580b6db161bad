#include "web/app/JsonViews.h"

#include <charconv>

#include "base/Text.h"

namespace thidua::web {

UnitNames unit_names(const std::vector<UnitRecord>& units) {
    UnitNames out;
    out.reserve(units.size());
    for (const UnitRecord& u : units)
        out.emplace(u.id, u.name);
    return out;
}

namespace {

json name_of(const std::string& id, const UnitNames& names) {
    if (id.empty()) return nullptr;
    auto it = names.find(id);
    return it == names.end() ? json(nullptr) : json(it->second);
}

json id_or_null(const std::string& id) {
    return id.empty() ? json(nullptr) : json(id);
}

}  // namespace

json user_json(const User& user, const UnitNames& names) {
    return {{"id", user.id},
            {"username", user.username},
            {"role", role_code(user.role)},
            {"unit_id", id_or_null(user.unit_id)},
            {"unit_name", name_of(user.unit_id, names)},
            {"display_name", user.display_name},
            {"email", user.email},
            {"disabled", user.disabled},
            {"must_change_password", user.must_change_password},
            {"created_at", user.created_at}};
}

json unit_json(const UnitRecord& unit, const UnitNames& names) {
    return {{"id", unit.id},
            {"name", unit.name},
            {"type", unit.type},
            {"parent", id_or_null(unit.parent_id)},
            {"parent_name", name_of(unit.parent_id, names)},
            {"tags", unit.tags},
            {"active_from", id_or_null(unit.active_from)},
            {"active_to", id_or_null(unit.active_to)}};
}

json person_json(const PersonRecord& person, const UnitNames& names) {
    return {{"id", person.id},
            {"name", person.name},
            {"unit", id_or_null(person.unit_id)},
            {"unit_name", name_of(person.unit_id, names)},
            {"gender", id_or_null(person.gender)},
            {"par_role", person.par_role ? json(*person.par_role) : json(nullptr)}};
}

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

tl::expected<json, Response> json_body(const Request& request) {
    // A cross-site HTML form cannot send this type without the browser asking first (CORS),
    // which this server never allows.
    const auto type = request.header("content-type");
    if (!type || !type->starts_with("application/json"))
        return tl::unexpected(Response::error(
            415, "bad_request", "Nội dung gửi lên phải có Content-Type: application/json"));
    if (!is_valid_utf8(request.body))
        return tl::unexpected(
            Response::error(400, "bad_request", "Nội dung gửi lên không phải UTF-8 hợp lệ"));
    json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object())
        return tl::unexpected(
            Response::error(400, "bad_request", "Nội dung gửi lên phải là một đối tượng JSON"));
    return body;
}

std::string text_member(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_string()) return {};
    return to_nfc(it->get<std::string>());
}

std::optional<int64_t> parse_integer(std::string_view text) {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

int limit_param(const Request& request, int fallback, int max) {
    const auto text = request.query_param("limit");
    const auto value = text ? parse_integer(*text) : std::nullopt;
    if (!value || *value < 1) return fallback;
    return static_cast<int>(std::min<int64_t>(*value, max));
}

}  // namespace thidua::web
