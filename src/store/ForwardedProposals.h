#pragma once
// Nominations forwarded from a sub-plan into its parent plan's period. Each forwarding or
// withdrawal is a new version, audited with the one it replaced; the latest stands.

#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// Sets `forwarded_at`. Returns the version saved.
Result<ForwardedProposal> save_forwarded_proposal(SqlConnection& db, ForwardedProposal p);
// The latest version of each proposal into a parent plan's period (every period when empty),
// withdrawn ones included, by award and subject.
Result<std::vector<ForwardedProposal>> latest_forwarded_proposals(SqlConnection& db,
                                                                  const std::string& plan_id,
                                                                  const std::string& period);

}  // namespace thidua::store
