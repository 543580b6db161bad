#pragma once
// What loading the store into a Dataset shares between its table readers: the Dataset being
// filled, tags and components interned in the order the CSV reader would meet them, and cell
// conversions back from SQL. Internal to src/store.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/Dataset.h"
#include "store/SqlConnection.h"

namespace thidua::store {

struct LoadState {
    Dataset data;
    // Registrations, events and dossiers of this plan and those shared by every plan ('');
    // nullopt: of every plan.
    std::optional<std::string> plan_id;
    std::unordered_map<std::string, TagId> tag_by_name;
    std::unordered_map<std::string, Index> component_by_id;

    // "a;b" -> the TagIds, interned on first sight; stored in TagId order, so sorted stays sorted.
    std::vector<TagId> tags(std::string_view text);
    Index component(std::string_view id);
    Index unit(std::string_view id) const;
    Index person(std::string_view id) const;
    // Yearly arrays sized for the units, people and year span, every slot "not known".
    void allocate_years();

    static double number(const SqlRow& r, int c) { return r.is_null(c) ? NAN : r.real(c); }
    static int8_t flag(const SqlRow& r, int c) {
        return r.is_null(c) ? kUnknown : static_cast<int8_t>(r.integer(c));
    }
    static int8_t scale(const SqlRow& r, int c, const Scale& s);
};

Result<> load_unit_years(SqlConnection& db, LoadState& s);
Result<> load_person_years(SqlConnection& db, LoadState& s);
Result<> load_attestations(SqlConnection& db, LoadState& s);
// Each unit's `task_completion` from its PAR tasks, or Home Affairs' override of it.
Result<> load_task_completion(SqlConnection& db, LoadState& s);
// Registrations, events, dossiers and which optional files were given.
Result<> load_records(SqlConnection& db, LoadState& s);

StoreError inconsistent_store(std::string_view what);

}  // namespace thidua::store
