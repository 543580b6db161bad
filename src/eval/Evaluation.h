#pragma once
// The outcome of evaluating one plan for one period: for every award and group, every candidate
// with its status, its result and evidence on each criterion, its rank, and the selection; and
// a dossier for each selected candidate. Presenters (JSON, table, documents) read only this.

#include <optional>
#include <string>
#include <vector>

#include "base/Boxed.h"
#include "base/BoxedVector.h"
#include "eval/CouncilChoice.h"
#include "eval/LineageDecisions.h"
#include "expr/Context.h"
#include "model/Dataset.h"
#include "plan/CompiledPlan.h"

namespace thidua {

enum class Status : uint8_t { Eligible, Ineligible, Incomplete };
const char* status_id(Status s);

struct CriterionOutcome {
    const CompiledCriterion* criterion = nullptr;
    expr::Tri result = expr::Tri::Unknown;
    std::vector<expr::Observation> observations;
    std::vector<expr::MissingFact> missing;  // only when the result is unknown
};

// One per candidate: millions for an individual award over national data, so the fields are
// ordered to pack and the lists are boxed (empty for the ineligible of an untraced evaluation).
struct CandidateOutcome {
    Subject subject;
    std::optional<int> rank;    // eligible candidates only; equal keys share a rank
    Index cap_unit = kNoIndex;  // the unit whose cap applies, if any
    Status status = Status::Incomplete;
    bool selected = false;
    bool tied = false;
    bool capped_out = false;  // eligible, but its unit's cap was filled by better candidates
    expr::Tri preference = expr::Tri::Unknown;
    BoxedVector<CriterionOutcome> criteria;  // only when traced
    BoxedVector<expr::MissingFact> missing;
    BoxedVector<double> keys;       // ranking key values as used (pessimistic bounds)
    Boxed<LineageOutcome> lineage;  // merged or closed in a reorganisation
};

struct CouncilOutcome {
    CouncilChoice choice;
    std::vector<Subject> computed_selected;  // the ranking's selection, before the decision
    std::vector<Subject> computed_tied;
    int computed_open_seats = 0;
    // The choice is not "the computed selection plus some of the tied for the open seats".
    bool departs = false;
    std::vector<std::string> ignored;  // chosen ids that are not eligible candidates of the group
};

struct GroupOutcome {
    const CompiledAwardGroup* group = nullptr;
    std::vector<CandidateOutcome> candidates;  // rank order: eligible first
    // The ineligible an untraced evaluation counts without listing them in `candidates`: over
    // national data they are millions of outcomes that say nothing but their status.
    size_t unlisted_ineligible = 0;
    std::vector<Subject> selected;  // rank order; the council's when it decided
    std::vector<Subject> tied;      // none once the council decided
    int open_seats = 0;             // seats left for the council because of ties
    std::optional<CouncilOutcome> council;
};

struct AwardOutcome {
    const CompiledAward* award = nullptr;
    std::vector<GroupOutcome> groups;
};

struct DocumentOutcome {
    const DocumentSpec* document = nullptr;
    int required = 0;
    int submitted = 0;
    bool late = false;
};

struct DossierOutcome {
    Subject subject;
    const CompiledAward* award = nullptr;
    std::string group;
    std::optional<Date> due;
    std::string due_note;  // why there is no date
    std::vector<DocumentOutcome> documents;
    bool complete = false;
};

struct EvaluationResult {
    const CompiledPlan* plan = nullptr;
    const Dataset* data = nullptr;
    Period period;
    HistoryRule history = HistoryRule::Own;  // the plan's, or the one the user chose instead
    bool history_chosen = false;             // the user chose it for this evaluation
    std::vector<AwardOutcome> awards;        // in plan order
    std::vector<DossierOutcome> dossiers;
};

}  // namespace thidua
