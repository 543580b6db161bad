#pragma once
// Reminders shown to users and mailed to them. Adding is idempotent per user and key; reading and
// mailing only mark a row.

#include <optional>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// Sets `created_at`; false when the user already has a reminder with that key.
Result<bool> add_notification(SqlConnection& db, Notification n);
// A user's newest first; only unread ones when `unread_only`.
Result<std::vector<Notification>> list_notifications(SqlConnection& db, const std::string& username,
                                                     bool unread_only, int limit);
// False when the user has no such notification.
Result<bool> mark_notification_read(SqlConnection& db, int64_t id, const std::string& username);
// Not yet mailed, oldest first.
Result<std::vector<Notification>> unmailed_notifications(SqlConnection& db, int limit);
// `error` empty: mailed now; otherwise the failure, kept for the next run to retry.
Result<> mark_notification_mailed(SqlConnection& db, int64_t id, const std::string& error);

}  // namespace thidua::store
