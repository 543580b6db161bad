// unit_years and person_years into the flat yearly arrays: one query each, rows placed by slot.

#include <map>

#include "eval/TaskCompletion.h"
#include "store/Attestations.h"
#include "store/Clock.h"
#include "store/LoadState.h"
#include "store/ParTasks.h"

namespace thidua::store {

Result<> load_unit_years(SqlConnection& db, LoadState& s) {
    Dataset& d = s.data;
    UnitYears& y = d.unit_years;
    bool ok = true;
    auto done = db.query(
        "SELECT unit_id, year, par_score, par_max, par_rank, satisfaction, task_completion, "
        "par_rating, head_leads, compliance, excellent_achievement, initiative, disciplined FROM "
        "unit_years",
        {}, [&](const SqlRow& r) {
            const Index unit = s.unit(r.text(0));
            const int year = static_cast<int>(r.integer(1));
            ok = ok && unit != kNoIndex;
            if (unit == kNoIndex) return;
            const size_t i = d.slot(unit, year);
            y.present[i] = 1;
            y.par_score[i] = LoadState::number(r, 2);
            y.par_max[i] = LoadState::number(r, 3);
            y.par_rank[i] = LoadState::number(r, 4);
            y.satisfaction[i] = LoadState::number(r, 5);
            y.task_completion[i] = LoadState::number(r, 6);
            y.par_rating[i] = LoadState::scale(r, 7, par_rating_scale());
            y.head_leads[i] = LoadState::flag(r, 8);
            y.compliance[i] = LoadState::flag(r, 9);
            y.excellent_achievement[i] = LoadState::flag(r, 10);
            y.initiative[i] = LoadState::flag(r, 11);
            y.disciplined[i] = LoadState::flag(r, 12);
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("unit_years.unit_id"));
    return done;
}

Result<> load_person_years(SqlConnection& db, LoadState& s) {
    Dataset& d = s.data;
    PersonYears& y = d.person_years;
    bool ok = true;
    auto done = db.query(
        "SELECT person_id, year, unit_id, rating, excellent_par, initiative, initiative_level, "
        "ethics_ok, disciplined FROM person_years",
        {}, [&](const SqlRow& r) {
            const Index person = s.person(r.text(0));
            const Index unit = r.is_null(2) ? kNoIndex : s.unit(r.text(2));
            ok = ok && person != kNoIndex && (r.is_null(2) || unit != kNoIndex);
            if (person == kNoIndex) return;
            const size_t i = d.slot(person, static_cast<int>(r.integer(1)));
            y.present[i] = 1;
            if (unit != kNoIndex) y.unit[i] = unit;
            y.rating[i] = LoadState::scale(r, 3, person_rating_scale());
            y.excellent_par[i] = LoadState::flag(r, 4);
            y.initiative[i] = LoadState::flag(r, 5);
            y.initiative_level[i] = LoadState::scale(r, 6, initiative_level_scale());
            y.ethics_ok[i] = LoadState::flag(r, 7);
            y.disciplined[i] = LoadState::flag(r, 8);
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("person_years"));
    return done;
}

// The council's attestations over the imported facts: the latest of each subject, year and fact
// stands. A year outside the dataset's span has no slot and is skipped (load_year_span counts
// attestation years, so this happens only for subjects no longer in the store).
Result<> load_attestations(SqlConnection& db, LoadState& s) {
    Dataset& d = s.data;
    auto latest = latest_attestations(db, "", "");
    if (!latest) return tl::unexpected(latest.error());
    for (const Attestation& a : *latest) {
        if (!d.has_year(a.year)) continue;
        const int8_t v = a.value ? 1 : 0;
        if (a.subject_kind == "unit") {
            const Index unit = s.unit(a.subject_id);
            if (unit == kNoIndex) continue;
            UnitYears& y = d.unit_years;
            const size_t i = d.slot(unit, a.year);
            y.present[i] = 1;
            if (a.fact == "head_leads") y.head_leads[i] = v;
            if (a.fact == "compliance") y.compliance[i] = v;
            if (a.fact == "excellent_achievement") y.excellent_achievement[i] = v;
            d.has_unit_years = true;
        } else {
            const Index person = s.person(a.subject_id);
            if (person == kNoIndex) continue;
            PersonYears& y = d.person_years;
            const size_t i = d.slot(person, a.year);
            y.present[i] = 1;
            if (a.fact == "excellent_par") y.excellent_par[i] = v;
            if (a.fact == "ethics_ok") y.ethics_ok[i] = v;
            d.has_person_years = true;
        }
    }
    return {};
}

// A unit-year with PAR tasks gets its `task_completion` from them: the share done on time, or
// unknown while a task can still be done on time (the year is not over for it). Home Affairs'
// latest override, when not withdrawn, stands over both the tasks and the imported value.
Result<> load_task_completion(SqlConnection& db, LoadState& s) {
    Dataset& d = s.data;
    auto tasks = list_par_tasks(db, "", 0);
    if (!tasks) return tl::unexpected(tasks.error());
    auto overrides = latest_task_completion_overrides(db, "");
    if (!overrides) return tl::unexpected(overrides.error());
    const Date today = vietnam_today();
    struct UnitYear {
        std::vector<TaskTiming> tasks;
        std::optional<double> overridden;
    };
    std::map<std::pair<std::string, int>, UnitYear> by_unit_year;
    for (const ParTask& t : *tasks)
        by_unit_year[{t.unit_id, t.year}].tasks.push_back(task_timing(t));
    for (const TaskCompletionOverride& o : *overrides)
        if (o.value) by_unit_year[{o.unit_id, o.year}].overridden = o.value;
    UnitYears& y = d.unit_years;
    for (const auto& [key, unit_year] : by_unit_year) {
        if (!d.has_year(key.second)) continue;
        const Index unit = s.unit(key.first);
        if (unit == kNoIndex) continue;
        // The imported value is already in the slot: only the tasks or an override replace it.
        const EffectiveCompletion e = effective_completion(count_completion(unit_year.tasks, today),
                                                           unit_year.overridden, std::nullopt);
        if (e.source != CompletionSource::Tasks && e.source != CompletionSource::Override) continue;
        const size_t i = d.slot(unit, key.second);
        y.present[i] = 1;
        y.task_completion[i] = e.value.value_or(NAN);
        d.has_unit_years = true;
    }
    return {};
}

}  // namespace thidua::store
