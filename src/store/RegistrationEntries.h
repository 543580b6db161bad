#pragma once
// Registrations made in the application: added once per plan, subject and period (a second
// registration changes nothing), late ones decided by Home Affairs. Every change is audited with
// what it was before and after.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// `e.registered_at` is set here.
Result<AddedRegistration> add_registration_entry(SqlConnection& db, RegistrationEntry e);
// Nullopt when there is no such entry. Sets the decision, its reason, who and when.
Result<std::optional<RegistrationEntry>> decide_registration_entry(SqlConnection& db,
                                                                   const RegistrationEntry& key,
                                                                   const std::string& decision,
                                                                   const std::string& reason,
                                                                   const std::string& user);
// The entries of a plan (every period when `period` is empty), in the order made.
Result<std::vector<RegistrationEntry>> list_registration_entries(SqlConnection& db,
                                                                 const std::string& plan_id,
                                                                 const std::string& period);

}  // namespace thidua::store
