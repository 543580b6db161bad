#include "store/Attestations.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/Vocabulary.h"
#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

nlohmann::json attestation_json(const Attestation& a) {
    return {{"year", a.year},
            {"fact", a.fact},
            {"value", a.value},
            {"minutes", a.minutes},
            {"note", a.note}};
}

Attestation attestation_of(const SqlRow& r) {
    return {std::string(r.text(0)), std::string(r.text(1)), static_cast<int>(r.integer(2)),
            std::string(r.text(3)), r.integer(4) != 0,      std::string(r.text(5)),
            std::string(r.text(6)), std::string(r.text(7)), std::string(r.text(8))};
}

constexpr std::string_view kLatest =
    "SELECT a.subject_kind, a.subject_id, a.year, a.fact, a.value, a.minutes, a.note, "
    "a.entered_by, a.entered_at FROM attestations a WHERE a.id = (SELECT MAX(b.id) FROM "
    "attestations b WHERE b.subject_kind = a.subject_kind AND b.subject_id = a.subject_id AND "
    "b.year = a.year AND b.fact = a.fact)";

}  // namespace

bool attestable_fact(std::string_view subject_kind, std::string_view fact) {
    return council_judged_fact(subject_kind, fact);
}

Result<std::vector<Attestation>> latest_attestations(SqlConnection& db,
                                                     const std::string& subject_kind,
                                                     const std::string& subject_id) {
    std::vector<Attestation> out;
    std::string sql(kLatest);
    std::vector<SqlValue> params;
    if (!subject_kind.empty()) {
        params.push_back(SqlValue::of(subject_kind));
        sql += " AND a.subject_kind = $1";
    }
    if (!subject_id.empty()) {
        params.push_back(SqlValue::of(subject_id));
        sql += fmt::format(" AND a.subject_id = ${}", params.size());
    }
    sql += " ORDER BY a.subject_kind, a.subject_id, a.year, a.fact";
    auto done = db.query(sql, params, [&](const SqlRow& r) { out.push_back(attestation_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<Attestation> save_attestation(SqlConnection& db, Attestation a) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto before = latest_attestations(db, a.subject_kind, a.subject_id);
    if (!before) return tl::unexpected(before.error());
    a.entered_at = utc_now();
    const SqlValue row[] = {SqlValue::of(a.subject_kind),
                            SqlValue::of(a.subject_id),
                            SqlValue::of(static_cast<int64_t>(a.year)),
                            SqlValue::of(a.fact),
                            SqlValue::of(int64_t{a.value ? 1 : 0}),
                            SqlValue::of(a.minutes),
                            SqlValue::of(a.note),
                            SqlValue::of(a.entered_by),
                            SqlValue::of(a.entered_at)};
    auto inserted = db.run(
        "INSERT INTO attestations (subject_kind, subject_id, year, fact, value, minutes, note, "
        "entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"after", attestation_json(a)}, {"before", nullptr}};
    for (const Attestation& b : *before)
        if (b.year == a.year && b.fact == a.fact) detail["before"] = attestation_json(b);
    if (auto r = append_audit_entry(db, {0, a.entered_at, a.entered_by, "attestation",
                                         a.subject_kind + ":" + a.subject_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return a;
}

}  // namespace thidua::store
