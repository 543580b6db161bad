#include "notify/SmtpMailer.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>

#include <fmt/format.h>

namespace thidua::notify {
namespace {

constexpr std::size_t kMaxLine = 76;  // RFC 2047 §2 and RFC 2045 §6.8 both cap lines at 76
constexpr std::string_view kWordOpen = "=?UTF-8?B?";
constexpr std::string_view kWordClose = "?=";

bool printable_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

bool has_line_break(std::string_view s) {
    return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// Bytes of the UTF-8 sequence a lead byte starts; a stray continuation byte counts as one, so
// malformed input still advances (it is sent as it is, not repaired).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xf0) return 4;
    if (lead >= 0xe0) return 3;
    if (lead >= 0xc0) return 2;
    return 1;
}

std::size_t encoded_word_length(std::size_t bytes) {
    return kWordOpen.size() + (bytes + 2) / 3 * 4 + kWordClose.size();
}

// A deliberately small check: the address goes into the envelope (MAIL FROM/RCPT TO) and a header
// unquoted, so anything that could end or extend either is refused; real validity is the server's.
bool plausible_address(std::string_view a) {
    const auto at = a.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == a.size() ||
        a.find('@', at + 1) != std::string_view::npos)
        return false;
    for (unsigned char c : a)
        if (c <= 0x20 || c == 0x7f || std::strchr("<>()[],;:\\\"", c) != nullptr) return false;
    return true;
}

// RFC 2045 wants text in canonical form (CRLF line ends) before base64.
std::string crlf_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string message_id(const SmtpSettings& s) {
    static std::atomic<unsigned> counter{0};
    unsigned long long random = 0;
    try {
        std::random_device rd;
        random = (static_cast<unsigned long long>(rd()) << 32) | rd();
    } catch (...) {
        // No entropy source: the time and the counter below still make the id unique here.
    }
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    const auto at = s.from.find('@');
    const std::string domain =
        at == std::string::npos || at + 1 >= s.from.size() ? "thidua.local" : s.from.substr(at + 1);
    return fmt::format("<{:x}.{:x}.{:016x}@{}>", ns, counter++, random, domain);
}

struct Upload {
    std::string_view data;
    std::size_t pos = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t nitems, void* user) {
    auto* up = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * nitems, up->data.size() - up->pos);
    std::memcpy(buffer, up->data.data() + up->pos, n);
    up->pos += n;
    return n;
}

// curl_global_init is not thread-safe and must run once per process before any handle.
CURLcode global_init() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    return result;
}

std::string describe(CURLcode code, const SmtpSettings& s) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return "không tìm thấy máy chủ SMTP";
        case CURLE_COULDNT_CONNECT:
            return "không kết nối được máy chủ SMTP";
        case CURLE_OPERATION_TIMEDOUT:
            return fmt::format("máy chủ SMTP không trả lời trong {} giây", s.timeout_seconds);
        case CURLE_LOGIN_DENIED:
            return "máy chủ SMTP từ chối đăng nhập";
        case CURLE_USE_SSL_FAILED:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
            return "không thiết lập được kết nối mã hóa với máy chủ SMTP";
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_UPLOAD_FAILED:
            return "máy chủ SMTP từ chối hoặc ngắt giữa chừng";
        default:
            return "lỗi khi trao đổi với máy chủ SMTP";
    }
}

class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(SmtpSettings s) : m_settings(std::move(s)) {}

    tl::expected<void, std::string> send(const MailMessage& m) override {
        try {
            return send_or_throw(m);
        } catch (const std::exception& e) {
            return tl::unexpected(fmt::format("Lỗi không lường trước khi gửi thư: {}", e.what()));
        } catch (...) {
            return tl::unexpected(std::string("Lỗi không lường trước khi gửi thư"));
        }
    }

private:
    tl::expected<void, std::string> send_or_throw(const MailMessage& m) {
        const auto& s = m_settings;
        if (!s.url.starts_with("smtp://") && !s.url.starts_with("smtps://"))
            return tl::unexpected(fmt::format(
                "Địa chỉ máy chủ thư «{}» phải bắt đầu bằng smtp:// hoặc smtps://", s.url));
        // Everything is checked before any connection, so a bad message never reaches the server.
        auto text = build_message(s, m, std::time(nullptr), message_id(s));
        if (!text) return tl::unexpected(text.error());

        if (global_init() != CURLE_OK)
            return tl::unexpected(std::string("Không khởi tạo được thư viện libcurl để gửi thư"));
        std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 &curl_easy_cleanup);
        if (!curl)
            return tl::unexpected(std::string("Không khởi tạo được phiên gửi thư (libcurl)"));
        const std::string rcpt = "<" + m.to + ">";
        std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpts(
            curl_slist_append(nullptr, rcpt.c_str()), &curl_slist_free_all);
        if (!rcpts) return tl::unexpected(std::string("Hết bộ nhớ khi chuẩn bị gửi thư"));

        Upload upload{*text};
        char error[CURL_ERROR_SIZE] = {};
        CURL* h = curl.get();
        curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
        curl_easy_setopt(h, CURLOPT_URL, s.url.c_str());
        // Only SMTP: a mistyped setting must not make us speak another protocol.
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
        const std::string from = "<" + s.from + ">";
        curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
        curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts.get());
        curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_upload);
        curl_easy_setopt(h, CURLOPT_READDATA, &upload);
        curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
        // STARTTLS whenever the server offers it, plain otherwise (a loopback relay often has
        // none).
        curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
        if (!s.user.empty()) {
            curl_easy_setopt(h, CURLOPT_USERNAME, s.user.c_str());
            curl_easy_setopt(h, CURLOPT_PASSWORD, s.password.c_str());
        }
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, s.timeout_seconds);
        curl_easy_setopt(h, CURLOPT_TIMEOUT, s.timeout_seconds);
        // No SIGALRM for DNS timeouts: we run inside a multithreaded server.
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);

        const CURLcode code = curl_easy_perform(h);
        if (code != CURLE_OK)
            return tl::unexpected(fmt::format("Không gửi được thư tới {}: {} ({})", m.to,
                                              describe(code, s),
                                              error[0] ? error : curl_easy_strerror(code)));
        return {};
    }

    SmtpSettings m_settings;
};

}  // namespace

// OpenSSL's EVP_EncodeBlock (libcrypto is linked already for SHA-256) does the encoding; only the
// 76-character line split is ours, since EVP_EncodeUpdate's lines are 64 characters.
std::string base64_encode(std::string_view bytes, std::size_t line_length) {
    std::string flat(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(flat.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    flat.resize(static_cast<std::size_t>(n));
    if (line_length == 0 || flat.size() <= line_length) return flat;
    std::string out;
    out.reserve(flat.size() + flat.size() / line_length * 2);
    for (std::size_t i = 0; i < flat.size(); i += line_length) {
        if (i > 0) out += "\r\n";
        out.append(flat, i, line_length);
    }
    return out;
}

// RFC 2047 by hand: neither libcurl, OpenSSL, ICU nor Boost offers encoded-words.
std::vector<std::string> rfc2047_words(std::string_view text, std::size_t first_line_used) {
    std::vector<std::string> words;
    // An encoded word is at most 75 characters (RFC 2047 §2); a folded line starts with a space.
    constexpr std::size_t kWordMax = kMaxLine - 1;
    const std::size_t first_budget = first_line_used + encoded_word_length(3) <= kMaxLine
                                         ? kMaxLine - first_line_used
                                         : kWordMax;
    std::size_t budget = std::min(first_budget, kWordMax);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        // Whole characters only: §5 forbids splitting a multi-byte character between words.
        while (end < text.size()) {
            const std::size_t next =
                std::min(text.size(), end + utf8_length(static_cast<unsigned char>(text[end])));
            if (end > start && encoded_word_length(next - start) > budget) break;
            end = next;
        }
        words.push_back(fmt::format("{}{}{}", kWordOpen,
                                    base64_encode(text.substr(start, end - start)), kWordClose));
        start = end;
        budget = kWordMax;
    }
    return words;
}

std::string encode_unstructured_header(std::string_view name, std::string_view value) {
    std::string out = fmt::format("{}: ", name);
    if (printable_ascii(value) && out.size() + value.size() <= kMaxLine) return out.append(value);
    const auto words = rfc2047_words(value, out.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += "\r\n ";
        out += words[i];
    }
    return out;
}

std::string encode_address_header(std::string_view name, std::string_view display_name,
                                  std::string_view address) {
    std::string out = fmt::format("{}: ", name);
    const std::string angle = fmt::format("<{}>", address);
    if (display_name.empty()) return out + angle;
    std::size_t line_start = 0;
    if (printable_ascii(display_name) &&
        out.size() + display_name.size() + 3 + angle.size() <= kMaxLine) {
        out += '"';
        for (char c : display_name) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    } else {
        const auto words = rfc2047_words(display_name, out.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i > 0) {
                out += "\r\n ";
                line_start = out.size() - 1;
            }
            out += words[i];
        }
    }
    if (out.size() - line_start + 1 + angle.size() <= kMaxLine)
        out += " ";
    else
        out += "\r\n ";
    return out + angle;
}

std::string rfc5322_date(std::time_t t) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[tm.tm_wday], tm.tm_mday,
                       kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

tl::expected<std::string, std::string> build_message(const SmtpSettings& s, const MailMessage& m,
                                                     std::time_t now,
                                                     const std::string& message_id) {
    for (std::string_view field :
         {std::string_view(m.to), std::string_view(m.to_name), std::string_view(m.subject),
          std::string_view(s.from), std::string_view(s.from_name)})
        if (has_line_break(field))
            return tl::unexpected(std::string(
                "Thư có ký tự xuống dòng trong người nhận, người gửi hoặc tiêu đề; không gửi để "
                "tránh chèn thêm dòng tiêu đề"));
    if (s.from.empty())
        return tl::unexpected(std::string("Chưa cấu hình địa chỉ người gửi (THIDUA_MAIL_FROM)"));
    if (!plausible_address(s.from))
        return tl::unexpected(fmt::format("Địa chỉ người gửi «{}» không hợp lệ", s.from));
    if (!plausible_address(m.to))
        return tl::unexpected(fmt::format("Địa chỉ người nhận «{}» không hợp lệ", m.to));

    std::string out;
    out += fmt::format("Date: {}\r\n", rfc5322_date(now));
    out += encode_address_header("From", s.from_name, s.from) + "\r\n";
    out += encode_address_header("To", m.to_name, m.to) + "\r\n";
    out += encode_unstructured_header("Subject", m.subject) + "\r\n";
    out += fmt::format("Message-ID: {}\r\n", message_id);
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    out += base64_encode(crlf_lines(m.body), kMaxLine);
    out += "\r\n";
    return out;
}

}  // namespace thidua::notify

namespace thidua {

std::unique_ptr<Mailer> make_smtp_mailer(SmtpSettings s) {
    return std::make_unique<notify::SmtpMailer>(std::move(s));
}

std::optional<SmtpSettings> smtp_settings_from_env() {
    const auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return v ? std::string(v) : std::string();
    };
    SmtpSettings s;
    s.url = env("THIDUA_SMTP_URL");
    if (s.url.empty()) return std::nullopt;
    s.from = env("THIDUA_MAIL_FROM");
    s.from_name = env("THIDUA_MAIL_FROM_NAME");
    s.user = env("THIDUA_SMTP_USER");
    s.password = env("THIDUA_SMTP_PASSWORD");
    return s;
}

}  // namespace thidua
