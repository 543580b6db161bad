#pragma once
// What an expression sees while it runs: the dataset, the subject (a unit or a person), the year,
// the period, and the engine's answers about other awards. Also the trace it writes to.

#include <span>
#include <string>
#include <vector>

#include "expr/Type.h"
#include "expr/Value.h"
#include "model/Dataset.h"
#include "plan/LineageRules.h"

namespace thidua::expr {

// A fact the engine could not find: file, column, year, and whose.
struct MissingFact {
    const char* file = "";    // "unit_years"
    const char* column = "";  // "par_rating"
    int year = 0;             // 0 for facts without a year (people.gender)
    Subject subject;
    std::string key;  // for registrations/events: the period or event name
};

// A value a criterion used, for the "why" of each decision.
struct Observation {
    const std::string* name = nullptr;  // fact or definition name, or "members"
    Subject subject;
    int year = 0;
    Value value;
    Type type;
    int count_true = 0, count_total = 0;  // for aggregates over members
    std::string note;                     // free text where a value needs words (a late date)
};

struct Trace {
    std::vector<Observation> observations;
    std::vector<MissingFact> missing;
    void clear() {
        observations.clear();
        missing.clear();
    }
};

// Answers that need the rest of the evaluation (other awards) or indexes the engine builds.
class Host {
public:
    virtual ~Host() = default;
    virtual Tri eligible(Subject subject, int award, int group, Trace* trace) = 0;
    virtual Tri selected(Subject subject, int award, Trace* trace) = 0;
    virtual Value registered(Subject subject, Trace* trace) = 0;
    virtual bool in_group(Subject subject, int group) = 0;  // group -1: any group of the plan
    virtual std::span<const Index> members(Index unit, int year) = 0;
    // Sum of the unit's components that year; NaN when none or unknown.
    virtual std::pair<double, double> unit_component(Index unit, int year) = 0;
    virtual std::pair<double, double> component(Index component, int year) = 0;
};

struct Context {
    const Dataset* data = nullptr;
    Host* host = nullptr;
    Subject subject;
    int year = 0;
    int first_year = 0;
    int last_year = 0;
    Trace* trace = nullptr;
    // Years before a merged unit existed are read by this rule (model/Lineage.h). Under `all`,
    // `world` is the predecessor of the subject whose years are being read.
    HistoryRule history = HistoryRule::Own;
    Index world = kNoIndex;
    int quiet = 0;  // >0 inside a definition or a member aggregate: observe the whole, not parts

    bool observing() const { return trace != nullptr && quiet == 0; }
};

}  // namespace thidua::expr
