#include "store/ForwardedProposals.h"

#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

nlohmann::json proposal_json(const ForwardedProposal& p) {
    return {{"plan_id", p.plan_id},
            {"period", p.period},
            {"award", p.award},
            {"origin_plan", p.origin_plan},
            {"origin_period", p.origin_period},
            {"origin_award", p.origin_award},
            {"origin_group", p.origin_group},
            {"origin_rank", p.origin_rank},
            {"withdrawn", p.withdrawn},
            {"note", p.note}};
}

ForwardedProposal proposal_of(const SqlRow& r) {
    ForwardedProposal p;
    p.plan_id = r.text(0);
    p.period = r.text(1);
    p.award = r.text(2);
    p.subject_kind = r.text(3);
    p.subject_id = r.text(4);
    p.origin_plan = r.text(5);
    p.origin_period = r.text(6);
    p.origin_award = r.text(7);
    p.origin_group = r.text(8);
    p.origin_rank = static_cast<int>(r.integer(9));
    p.withdrawn = r.integer(10) != 0;
    p.note = r.text(11);
    p.forwarded_by = r.text(12);
    p.forwarded_at = r.text(13);
    return p;
}

}  // namespace

Result<std::vector<ForwardedProposal>> latest_forwarded_proposals(SqlConnection& db,
                                                                  const std::string& plan_id,
                                                                  const std::string& period) {
    std::string sql =
        "SELECT a.plan_id, a.period, a.award, a.subject_kind, a.subject_id, a.origin_plan, "
        "a.origin_period, a.origin_award, a.origin_group, a.origin_rank, a.withdrawn, a.note, "
        "a.forwarded_by, a.forwarded_at FROM forwarded_proposals a WHERE a.plan_id = $1 AND a.id "
        "= (SELECT MAX(b.id) FROM forwarded_proposals b WHERE b.plan_id = a.plan_id AND b.period "
        "= a.period AND b.award = a.award AND b.subject_kind = a.subject_kind AND b.subject_id = "
        "a.subject_id)";
    std::vector<SqlValue> params = {SqlValue::of(plan_id)};
    if (!period.empty()) {
        params.push_back(SqlValue::of(period));
        sql += " AND a.period = $2";
    }
    sql += " ORDER BY a.period, a.award, a.subject_kind, a.subject_id";
    std::vector<ForwardedProposal> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) { out.push_back(proposal_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<ForwardedProposal> save_forwarded_proposal(SqlConnection& db, ForwardedProposal p) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto before = latest_forwarded_proposals(db, p.plan_id, p.period);
    if (!before) return tl::unexpected(before.error());
    p.forwarded_at = utc_now();
    const SqlValue row[] = {SqlValue::of(p.plan_id),
                            SqlValue::of(p.period),
                            SqlValue::of(p.award),
                            SqlValue::of(p.subject_kind),
                            SqlValue::of(p.subject_id),
                            SqlValue::of(p.origin_plan),
                            SqlValue::of(p.origin_period),
                            SqlValue::of(p.origin_award),
                            SqlValue::of(p.origin_group),
                            SqlValue::of(static_cast<int64_t>(p.origin_rank)),
                            SqlValue::of(int64_t{p.withdrawn ? 1 : 0}),
                            SqlValue::of(p.note),
                            SqlValue::of(p.forwarded_by),
                            SqlValue::of(p.forwarded_at)};
    auto inserted = db.run(
        "INSERT INTO forwarded_proposals (plan_id, period, award, subject_kind, subject_id, "
        "origin_plan, origin_period, origin_award, origin_group, origin_rank, withdrawn, note, "
        "forwarded_by, forwarded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
        "$13, $14)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"before", nullptr}, {"after", proposal_json(p)}};
    for (const ForwardedProposal& b : *before)
        if (b.award == p.award && b.subject_kind == p.subject_kind && b.subject_id == p.subject_id)
            detail["before"] = proposal_json(b);
    if (auto r = append_audit_entry(db, {0, p.forwarded_at, p.forwarded_by,
                                         p.withdrawn ? "proposal-withdraw" : "proposal-forward",
                                         p.subject_kind + ":" + p.subject_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return p;
}

}  // namespace thidua::store
