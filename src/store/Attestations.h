#pragma once
// Attestations of council-judged facts: each entry a version, the latest per subject, year and
// fact stands; every entry audited with the one it replaced. Loaded over the imported yearly
// facts (YearlyLoad), so the engine reads them like any other fact.

#include <string_view>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// The facts that can be attested, by subject kind ("unit", "person").
bool attestable_fact(std::string_view subject_kind, std::string_view fact);

// `a.entered_at` is set here.
Result<Attestation> save_attestation(SqlConnection& db, Attestation a);
// The latest attestation of each subject, year and fact; of one subject when `subject_id` is set.
Result<std::vector<Attestation>> latest_attestations(SqlConnection& db,
                                                     const std::string& subject_kind,
                                                     const std::string& subject_id);

}  // namespace thidua::store
