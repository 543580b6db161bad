#include "store/AccountStore.h"

#include <utility>

namespace thidua {
namespace {

// The codes are stored (users.role has a CHECK on them) and sent over the API: never rename one.
constexpr std::pair<Role, std::string_view> kRoles[] = {
    {Role::QuanTri, "quan-tri"}, {Role::NoiVu, "noi-vu"},     {Role::HoiDong, "hoi-dong"},
    {Role::DonVi, "don-vi"},     {Role::LanhDao, "lanh-dao"},
};

}  // namespace

std::string_view role_code(Role role) {
    for (const auto& [r, code] : kRoles)
        if (r == role) return code;
    return "lanh-dao";
}

std::optional<Role> parse_role(std::string_view code) {
    for (const auto& [r, code_of] : kRoles)
        if (code_of == code) return r;
    return std::nullopt;
}

}  // namespace thidua
