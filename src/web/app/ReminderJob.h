#pragma once
// The daily reminder job: what is still open in every stored plan (units not registered, dossiers
// not submitted), the reminders that fire today (eval/Reminders), one in-app notification per
// user who must act (a don-vi user whose units include the one concerned) and a digest per
// deadline for Home Affairs, then the e-mails of the notifications not yet mailed. Run by the
// server at start and every day, and by `thidua remind`.

#include <string>
#include <vector>

#include "eval/Reminders.h"
#include "store/Store.h"
#include "web/app/WebApp.h"

namespace thidua {
class Mailer;
}

namespace thidua::web {

// Open obligations whose date is within a week ahead of `today` or the day before it (only those
// can fire today), across the latest version of every stored plan.
std::vector<Obligation> open_obligations(WebApp& app, Store& store, Date today);

struct ReminderRun {
    int obligations = 0;
    int fired = 0;  // reminders due today
    int added = 0;  // notifications new today (a second run on the same day adds none)
    int mailed = 0;
    int mail_failed = 0;
    std::vector<std::string> lines;  // what was done, in Vietnamese, for the CLI and the log
};

// `mailer` null: no e-mail. `dry_run`: says what would be added, stores nothing, mails nothing.
ReminderRun run_reminders(WebApp& app, Store& store, Date today, Mailer* mailer, bool dry_run);

}  // namespace thidua::web
