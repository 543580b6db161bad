#include "store/CouncilDecisions.h"

#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

nlohmann::json choice_json(const CouncilChoice& c) {
    return {{"award", c.award},
            {"group", c.group},
            {"chosen", c.chosen},
            {"votes", c.votes},
            {"minutes_number", c.minutes_number},
            {"minutes_date", c.minutes_date},
            {"reason", c.reason}};
}

CouncilChoice choice_of(const SqlRow& r) {
    CouncilChoice c;
    c.award = std::string(r.text(0));
    c.group = std::string(r.text(1));
    const auto chosen = nlohmann::json::parse(r.text(2), nullptr, false);
    if (chosen.is_array())
        for (const auto& id : chosen)
            if (id.is_string()) c.chosen.push_back(id.get<std::string>());
    c.votes = std::string(r.text(3));
    c.minutes_number = std::string(r.text(4));
    c.minutes_date = std::string(r.text(5));
    c.reason = std::string(r.text(6));
    c.decided_by = std::string(r.text(7));
    c.decided_at = std::string(r.text(8));
    return c;
}

}  // namespace

Result<std::vector<CouncilChoice>> latest_council_decisions(SqlConnection& db,
                                                            const std::string& plan_id,
                                                            const std::string& period) {
    std::vector<CouncilChoice> out;
    const SqlValue key[] = {SqlValue::of(plan_id), SqlValue::of(period)};
    auto done = db.query(
        "SELECT d.award, d.group_id, d.chosen, d.votes, d.minutes_number, d.minutes_date, "
        "d.reason, d.decided_by, d.decided_at FROM council_decisions d WHERE d.plan_id = $1 AND "
        "d.period = $2 AND d.id = (SELECT MAX(e.id) FROM council_decisions e WHERE e.plan_id = "
        "d.plan_id AND e.period = d.period AND e.award = d.award AND e.group_id = d.group_id) "
        "ORDER BY d.award, d.group_id",
        key, [&](const SqlRow& r) { out.push_back(choice_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<CouncilChoice> save_council_decision(SqlConnection& db, const std::string& plan_id,
                                            const std::string& period, CouncilChoice c) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto before = latest_council_decisions(db, plan_id, period);
    if (!before) return tl::unexpected(before.error());
    c.decided_at = utc_now();
    const std::string chosen = nlohmann::json(c.chosen).dump();
    const SqlValue row[] = {
        SqlValue::of(plan_id),          SqlValue::of(period),         SqlValue::of(c.award),
        SqlValue::of(c.group),          SqlValue::of(chosen),         SqlValue::of(c.votes),
        SqlValue::of(c.minutes_number), SqlValue::of(c.minutes_date), SqlValue::of(c.reason),
        SqlValue::of(c.decided_by),     SqlValue::of(c.decided_at)};
    auto inserted = db.run(
        "INSERT INTO council_decisions (plan_id, period, award, group_id, chosen, votes, "
        "minutes_number, minutes_date, reason, decided_by, decided_at) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"period", period}, {"after", choice_json(c)}, {"before", nullptr}};
    for (const CouncilChoice& b : *before)
        if (b.award == c.award && b.group == c.group) detail["before"] = choice_json(b);
    if (auto r = append_audit_entry(
            db, {0, c.decided_at, c.decided_by, "council-decision", plan_id, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return c;
}

}  // namespace thidua::store
