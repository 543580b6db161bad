// unit_years and person_years into the flat yearly arrays: one query each, rows placed by slot.

#include "store/Attestations.h"
#include "store/LoadState.h"

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

}  // namespace thidua::store
