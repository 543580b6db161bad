#pragma once
// The SMTP Mailer on libcurl, and the pieces of the message it builds, exposed for the tests:
// base64 (RFC 4648), RFC 2047 encoded-words for non-ASCII headers, RFC 5322 dates and the whole
// RFC 5322 + MIME message.

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "notify/Mailer.h"

namespace thidua::notify {

// Standard base64 with padding; when line_length > 0, lines of that many characters joined by
// CRLF (no CRLF after the last line).
std::string base64_encode(std::string_view bytes, std::size_t line_length = 0);

// `text` as "=?UTF-8?B?...?=" words, split at UTF-8 character boundaries so that the first word
// fits on a line after `first_line_used` characters and each further word fits on a folded line
// (one leading space), all within 76 characters.
std::vector<std::string> rfc2047_words(std::string_view text, std::size_t first_line_used);

// "Name: value" folded with CRLF + space so no line passes 76 characters; `value` is RFC 2047
// encoded when it is not printable ASCII or would not fit on one line.
std::string encode_unstructured_header(std::string_view name, std::string_view value);

// "Name: display-name <address>", the display name quoted when ASCII, encoded when not.
std::string encode_address_header(std::string_view name, std::string_view display_name,
                                  std::string_view address);

// "Sat, 05 Dec 2026 16:53:21 +0000": English names whatever the locale, UTC.
std::string rfc5322_date(std::time_t t);

// The message as sent after DATA: headers, blank line, base64 body, all lines ending in CRLF.
// Fails (in Vietnamese) on an empty or malformed address, or CR/LF in any header field.
tl::expected<std::string, std::string> build_message(const SmtpSettings& s, const MailMessage& m,
                                                     std::time_t now,
                                                     const std::string& message_id);

}  // namespace thidua::notify
