#pragma once
// Sending one e-mail, behind an interface so callers (deadline reminders) can be tested with a fake
// and the SMTP details stay in SmtpMailer.

#include <memory>
#include <optional>
#include <string>

#include <tl/expected.hpp>

namespace thidua {

// One plain-text message to one person; every field is UTF-8 (Vietnamese text).
struct MailMessage {
    std::string to;  // the bare address, e.g. "a@example.vn"
    std::string to_name;
    std::string subject;
    std::string body;
};

struct SmtpSettings {
    std::string url;  // "smtp://127.0.0.1:2525" or "smtps://mail.example.vn:465"
    std::string from;
    std::string from_name;
    std::string user;  // empty: no AUTH
    std::string password;
    long timeout_seconds = 20;  // connecting, and the whole exchange
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // The error is a Vietnamese sentence for logs and officers; never throws.
    virtual tl::expected<void, std::string> send(const MailMessage& m) = 0;
};

std::unique_ptr<Mailer> make_smtp_mailer(SmtpSettings s);

// From THIDUA_SMTP_URL, THIDUA_MAIL_FROM, THIDUA_MAIL_FROM_NAME, THIDUA_SMTP_USER and
// THIDUA_SMTP_PASSWORD; nullopt when THIDUA_SMTP_URL is unset or empty (mail is off).
std::optional<SmtpSettings> smtp_settings_from_env();

}  // namespace thidua
