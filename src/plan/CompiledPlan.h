#pragma once
// A plan ready to evaluate: its spec, plus every criterion, ranking key and rule compiled to
// typed nodes. Built once by PlanCompiler; shared read-only by every evaluation.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/Compiler.h"
#include "expr/Node.h"
#include "plan/Period.h"
#include "plan/PlanSpec.h"

namespace thidua {

struct CompiledCriterion {
    std::string id;
    std::string label;
    std::vector<int> groups;   // indexes into CompiledAward::groups; empty: all
    expr::NodePtr applies_to;  // null: applies to everyone
    expr::NodePtr rule;
    std::string source;     // the rule as written, for the plan page
    bool implicit = false;  // added by the engine (`higher-award`)
    bool applies_to_group(int group) const {
        return groups.empty() || std::find(groups.begin(), groups.end(), group) != groups.end();
    }
};

struct CompiledKey {
    std::string label;
    std::string source;
    expr::NodePtr key;
    bool descending = true;
};

struct CompiledCap {
    expr::NodePtr per;  // evaluates to the unit that bounds the count
    int max = 0;
    std::string label;
    std::string source;
};

struct CompiledAwardGroup {
    std::string id;            // "so-ban-nganh"; "ca-nhan" for individual awards
    int plan_group = -1;       // index into PlanSpec::groups; -1 for individuals
    std::optional<int> quota;  // nullopt: no limit
    std::vector<CompiledKey> ranking;
    std::optional<CompiledCap> cap;
};

struct CompiledAward {
    const AwardSpec* spec = nullptr;
    int award_id = 0;  // index shared by all awards with the same id (annual and phase versions)
    AwardKind kind = AwardKind::Collective;
    std::vector<CompiledAwardGroup> groups;
    std::vector<CompiledCriterion> criteria;
    const DossierSpec* dossier = nullptr;  // the award's own, else the plan's; null if none
    std::vector<int> higher_award_ids;     // precedence: awards ranked above this one
    std::vector<int> depends_on;           // award ids whose decisions this one reads
};

struct CompiledPlan {
    PlanSpec spec;
    std::unique_ptr<expr::Environment> env;  // owns scales and names the nodes point to
    std::vector<std::string> award_ids;      // award_id -> "co-thi-dua"
    std::vector<CompiledAward> awards;
    expr::NodePtr preference_collective;
    expr::NodePtr preference_individual;
};

}  // namespace thidua
