#pragma once
// The `documents:` section of a plan file and the agency blocks (`issuer`, its `successor`,
// `documents.proposer`): what the plan's administrative documents need beyond the rules.

#include <yaml-cpp/yaml.h>

#include "io/plan/YamlSource.h"
#include "plan/PlanSpec.h"

namespace thidua {

// An agency block; with `with_successor`, it may name a `successor` (itself with a `from` date).
AgencySpec read_agency(YamlSource& src, const YAML::Node& n, bool with_successor);
DocumentsSpec read_documents_section(YamlSource& src, const YAML::Node& n);

}  // namespace thidua
