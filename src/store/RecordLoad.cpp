// registrations, events, dossiers (in import order) and the list of optional files given.

#include <fmt/format.h>

#include "store/ImportTables.h"
#include "store/LoadState.h"

namespace thidua::store {
namespace {

// The WHERE clause and parameters that pick the records of the plan being loaded.
struct PlanFilter {
    std::string where;
    std::vector<SqlValue> params;
};

PlanFilter plan_filter(const LoadState& s, std::string_view column) {
    if (!s.plan_id) return {"", {}};
    return {fmt::format(" WHERE {} IN ('', $1)", column), {SqlValue::of(*s.plan_id)}};
}

std::optional<Subject> subject(const LoadState& s, std::string_view kind, std::string_view id) {
    const bool unit = kind == "unit";
    const Index i = unit ? s.unit(id) : s.person(id);
    if (i == kNoIndex) return std::nullopt;
    return Subject{unit ? SubjectKind::Unit : SubjectKind::Person, i};
}

Result<> load_registrations(SqlConnection& db, LoadState& s) {
    bool ok = true;
    const PlanFilter f = plan_filter(s, "plan_id");
    auto done = db.query(
        fmt::format("SELECT subject_kind, subject_id, period, registered_on FROM registrations{} "
                    "ORDER BY ord",
                    f.where),
        f.params, [&](const SqlRow& r) {
            const auto who = subject(s, r.text(0), r.text(1));
            const auto on = Date::parse_iso(r.text(3));
            ok = ok && who && on;
            if (who && on)
                s.data.registrations.push_back({*who, std::string(r.text(2)), *on, false, {}});
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("registrations"));
    return done;
}

// Registrations made in the application join the imported ones; a refused late one does not
// count, an accepted one counts as on time. Their presence means registrations are known.
Result<> load_registration_entries(SqlConnection& db, LoadState& s) {
    bool ok = true;
    const PlanFilter f = plan_filter(s, "plan_id");
    auto done = db.query(
        "SELECT subject_kind, subject_id, period, registered_on, late, decision, decision_reason "
        "FROM registration_entries" +
            f.where + " ORDER BY id",
        f.params, [&](const SqlRow& r) {
            const auto who = subject(s, r.text(0), r.text(1));
            const auto on = Date::parse_iso(r.text(3));
            ok = ok && who && on;
            s.data.has_registrations = true;
            const std::string_view decision = r.is_null(5) ? "" : r.text(5);
            if (!who || !on || decision == "refused") return;
            Registration reg{*who, std::string(r.text(2)), *on, false, {}};
            reg.late_accepted = r.integer(4) != 0 && decision == "accepted";
            if (reg.late_accepted) reg.late_reason = std::string(r.text(6));
            s.data.registrations.push_back(std::move(reg));
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("registration_entries"));
    return done;
}

Result<> load_events(SqlConnection& db, LoadState& s) {
    bool ok = true;
    const PlanFilter f = plan_filter(s, "plan_id");
    auto done =
        db.query(fmt::format("SELECT event, year, event_date FROM events{} ORDER BY ord", f.where),
                 f.params, [&](const SqlRow& r) {
                     const auto on = Date::parse_iso(r.text(2));
                     ok = ok && on;
                     if (on)
                         s.data.events.push_back(
                             {std::string(r.text(0)), static_cast<int>(r.integer(1)), *on});
                 });
    if (done && !ok) return tl::unexpected(inconsistent_store("events"));
    return done;
}

Result<> load_dossiers(SqlConnection& db, LoadState& s) {
    bool ok = true;
    auto done = db.query(
        "SELECT d.subject_kind, d.subject_id, d.award, d.period, t.document, t.copies, "
        "t.submitted_on FROM dossier_documents t JOIN dossiers d ON d.id = t.dossier_id" +
            plan_filter(s, "d.plan_id").where + " ORDER BY t.ord",
        plan_filter(s, "d.plan_id").params, [&](const SqlRow& r) {
            const auto who = subject(s, r.text(0), r.text(1));
            ok = ok && who;
            if (!who) return;
            DossierDocument doc;
            doc.subject = *who;
            doc.award = r.text(2);
            doc.period = r.text(3);
            doc.document = r.text(4);
            doc.copies = static_cast<int>(r.integer(5));
            if (!r.is_null(6)) doc.submitted_on = Date::parse_iso(r.text(6));
            s.data.dossiers.push_back(std::move(doc));
        });
    if (done && !ok) return tl::unexpected(inconsistent_store("dossiers"));
    return done;
}

Result<> load_parts(SqlConnection& db, LoadState& s) {
    Dataset& d = s.data;
    const PlanFilter f = plan_filter(s, "plan_id");
    return db.query("SELECT name FROM dataset_parts" + f.where, f.params, [&](const SqlRow& r) {
        const std::string_view name = r.text(0);
        for (const tables::DatasetPart& part : tables::kDatasetParts) {
            if (part.name == name) d.*part.given = true;
        }
    });
}

}  // namespace

Result<> load_records(SqlConnection& db, LoadState& s) {
    for (auto step :
         {load_registrations, load_registration_entries, load_events, load_dossiers, load_parts}) {
        if (auto r = step(db, s); !r) return r;
    }
    return {};
}

}  // namespace thidua::store
