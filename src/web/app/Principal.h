#pragma once
// Who is calling, once authenticated: the user, how they proved it, and what they may do.

#include <string>

#include "store/AccountStore.h"

namespace thidua::web {

struct Principal {
    User user;
    std::string session_hash;  // empty for a bearer token
    std::string csrf_token;    // the session's; empty for a bearer token
    bool bearer = false;
};

// What a route needs of its caller.
enum class Access {
    SignedIn,  // any role
    Council,   // hoi-dong, quan-tri: record decisions
    Edit,      // noi-vu, quan-tri: plans, data, evaluations, dossiers
    Admin,     // quan-tri
};

bool allows(Access access, Role role);

// Read access to every unit, or only to the user's own unit and its descendants.
inline bool sees_all_units(const Principal& p) {
    return p.user.role != Role::DonVi;
}

}  // namespace thidua::web
