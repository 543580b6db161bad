#include "web/app/ReminderJob.h"

#include <map>

#include <fmt/format.h>

#include "eval/Deadlines.h"
#include "eval/RegistrationBoard.h"
#include "notify/Mailer.h"
#include "present/Explain.h"
#include "web/app/DossierBoard.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"

namespace thidua::web {
namespace {

bool may_fire(Date due, Date today) {
    const int left = due.days() - today.days();
    return left >= -1 && left <= kReminderDaysBefore[0];
}

void registration_obligations(const StoredEvaluation& e, std::vector<Obligation>& out) {
    const RegistrationBoard board = registration_board(e.result);
    if (!board.listed() || !board.deadline) return;
    const Dataset& data = *e.data;
    const std::string& plan = e.plan.plan->spec.id;
    const Period& period = e.result.period;
    for (const RegistrationRow& row : board.rows) {
        if (row.status != RegistrationStatus::Missing) continue;
        const bool unit = row.subject.kind == SubjectKind::Unit;
        const Index answering = unit ? row.subject.index : row.unit;
        if (answering == kNoIndex) continue;
        const std::string id = subject_id(data, row.subject);
        out.push_back(
            {fmt::format("dang-ky:{}:{}:{}:{}", plan, period.id, unit ? "unit" : "person", id),
             plan, period.id, data.units[answering].id,
             fmt::format("Đăng ký thi đua {} — {}", period_words(period),
                         subject_name(data, row.subject)),
             fmt::format("#/dang-ky/{}/{}", plan, period.id), *board.deadline});
    }
}

void dossier_obligations(Store& store, const StoredEvaluation& e, Date today,
                         std::vector<Obligation>& out) {
    const std::string& plan = e.plan.plan->spec.id;
    auto records = store.dossier_records(plan, e.result.period.id);
    if (!records) return;
    for (const DossierEntry& entry : dossier_entries(e.result, *records, today)) {
        const DossierStatus s = entry.progress.status;
        if (!entry.outcome->due || (s != DossierStatus::Draft && s != DossierStatus::Returned))
            continue;
        const std::string& award = entry.outcome->award->spec->id;
        out.push_back(
            {fmt::format("ho-so:{}:{}:{}:{}", plan, e.result.period.id, award, entry.subject_id),
             plan, e.result.period.id, entry.unit_id,
             fmt::format("Nộp hồ sơ đề nghị {} — {}", entry.outcome->award->spec->name,
                         subject_name(*e.data, entry.outcome->subject)),
             fmt::format("#/ho-so/{}/{}/{}/{}", plan, e.result.period.id, award, entry.subject_id),
             *entry.outcome->due});
    }
}

struct Recipients {
    std::vector<std::pair<User, UnitScope>> unit_officers;
    std::vector<User> home_affairs;
};

Recipients recipients(Store& store) {
    Recipients out;
    auto users = store.accounts().list_users();
    auto units = store.list_units();
    if (!users || !units) return out;
    for (const User& u : *users) {
        if (u.disabled) continue;
        if (u.role == Role::DonVi) {
            Principal p;
            p.user = u;
            out.unit_officers.emplace_back(u, UnitScope::of(p, *units));
        } else if (u.role == Role::NoiVu) {
            out.home_affairs.push_back(u);
        }
    }
    return out;
}

Notification notification_of(const Reminder& r, const std::string& username) {
    Notification n;
    n.username = username;
    n.key = r.obligation.key + "#" + r.tag;
    n.plan_id = r.obligation.plan_id;
    n.period = r.obligation.period;
    n.unit_id = r.obligation.unit_id;
    n.title = reminder_text(r);
    n.link = r.obligation.link;
    n.due_on = r.obligation.due.iso();
    return n;
}

// One line for Home Affairs per plan, period, kind of obligation and reminder day.
std::vector<Reminder> digests(const std::vector<Reminder>& fired) {
    std::map<std::string, std::pair<Reminder, int>> groups;
    for (const Reminder& r : fired) {
        const std::string kind = r.obligation.key.substr(0, r.obligation.key.find(':'));
        const std::string key = fmt::format("tong-hop:{}:{}:{}:{}", kind, r.obligation.plan_id,
                                            r.obligation.period, r.obligation.due.iso());
        auto [it, added] = groups.try_emplace(key, r, 0);
        ++it->second.second;
        if (added) {
            it->second.first.obligation.key = key;
            it->second.first.obligation.unit_id.clear();
            it->second.first.obligation.link =
                kind == "dang-ky"
                    ? fmt::format("#/dang-ky/{}/{}", r.obligation.plan_id, r.obligation.period)
                    : fmt::format("#/ho-so/{}/{}", r.obligation.plan_id, r.obligation.period);
        }
    }
    std::vector<Reminder> out;
    for (auto& [key, group] : groups) {
        Reminder r = group.first;
        r.obligation.title = fmt::format(
            "{} — {}, kỳ {}: còn {} {}", r.obligation.plan_id,
            key.starts_with("tong-hop:dang-ky") ? "đăng ký thi đua" : "hồ sơ khen thưởng",
            r.obligation.period, group.second,
            key.starts_with("tong-hop:dang-ky") ? "đối tượng chưa đăng ký" : "hồ sơ chưa nộp");
        out.push_back(std::move(r));
    }
    return out;
}

void mail_pending(Store& store, Mailer& mailer, ReminderRun& run) {
    auto pending = store.unmailed_notifications(1000);
    auto users = store.accounts().list_users();
    if (!pending || !users) return;
    std::map<std::string, const User*> by_name;
    for (const User& u : *users)
        by_name[u.username] = &u;
    for (const Notification& n : *pending) {
        const auto it = by_name.find(n.username);
        if (it == by_name.end() || it->second->email.empty() || it->second->disabled) continue;
        MailMessage m;
        m.to = it->second->email;
        m.to_name = it->second->display_name;
        m.subject = "[thidua] " + n.title;
        m.body = fmt::format(
            "{}\n\nMở thidua, mục: {}\n\n— Thư tự động của thidua, xin không trả lời thư này.",
            n.title, n.link);
        auto sent = mailer.send(m);
        if (auto marked = store.mark_notification_mailed(n.id, sent ? std::string() : sent.error());
            !marked)
            run.lines.push_back("Không ghi được trạng thái thư: " + marked.error().format());
        if (sent) {
            ++run.mailed;
        } else {
            ++run.mail_failed;
            run.lines.push_back(
                fmt::format("Gửi thư cho {} không được: {}", n.username, sent.error()));
        }
    }
}

}  // namespace

std::vector<Obligation> open_obligations(WebApp& app, Store& store, Date today) {
    std::vector<Obligation> out;
    auto plans = store.latest_plans();
    if (!plans) return out;
    for (const PlanVersion& v : *plans) {
        auto stored = find_stored_plan(app, store, v.plan_id);
        if (!stored) continue;
        auto data = stored_dataset(app, store, v.plan_id);
        if (!data) continue;
        for (const Period& period : plan_periods(stored->plan->spec)) {
            // Only the periods with a date that can fire today are evaluated.
            const auto deadline = registration_deadline(stored->plan->spec, period);
            bool relevant = deadline && may_fire(*deadline, today);
            for (const CompiledAward& a : stored->plan->awards)
                if (!relevant && a.dossier && selector_matches(a.spec->periods, period)) {
                    const DueDate due = dossier_due(a.dossier->due, period, **data);
                    relevant = due.date && may_fire(*due.date, today);
                }
            if (!relevant) continue;
            auto e = evaluate_stored_plan(app, store, v.plan_id, period.id);
            if (!e) continue;
            registration_obligations(**e, out);
            dossier_obligations(store, **e, today, out);
        }
    }
    return out;
}

ReminderRun run_reminders(WebApp& app, Store& store, Date today, Mailer* mailer, bool dry_run) {
    ReminderRun run;
    const std::vector<Obligation> obligations = open_obligations(app, store, today);
    run.obligations = static_cast<int>(obligations.size());
    const std::vector<Reminder> fired = reminders_due(obligations, today);
    run.fired = static_cast<int>(fired.size());
    const Recipients to = recipients(store);
    auto add = [&](const Reminder& r, const User& u) {
        if (dry_run) {
            run.lines.push_back(fmt::format("{}: {}", u.username, reminder_text(r)));
            return;
        }
        auto added = store.add_notification(notification_of(r, u.username));
        if (added && *added) {
            ++run.added;
            run.lines.push_back(fmt::format("{}: {}", u.username, reminder_text(r)));
        }
    };
    for (const Reminder& r : fired)
        for (const auto& [user, scope] : to.unit_officers)
            if (scope.contains(r.obligation.unit_id)) add(r, user);
    for (const Reminder& r : digests(fired))
        for (const User& user : to.home_affairs)
            add(r, user);
    if (!dry_run && mailer != nullptr) mail_pending(store, *mailer, run);
    return run;
}

}  // namespace thidua::web
