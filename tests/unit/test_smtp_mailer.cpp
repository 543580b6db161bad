// The SMTP mailer against a small SMTP sink on loopback (Boost.Asio, one thread), and its encoders
// on their own: base64 (RFC 4648 vectors), RFC 2047 encoded-words, RFC 5322 dates.

#include <utility>  // before Asio: g++ 12 with C++20 needs std::exchange declared first

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <istream>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "notify/Mailer.h"
#include "notify/SmtpMailer.h"

namespace {

using boost::asio::ip::tcp;
using namespace thidua;

const std::string kSubject = "Nhắc hạn: hồ sơ khen thưởng Cờ thi đua còn 3 ngày";
const std::string kBody =
    "Kính gửi đồng chí Nguyễn Thị Hằng,\r\n\r\nHồ sơ đề nghị tặng Cờ thi đua của đơn vị cần nộp "
    "trước ngày 08/12/2026.\r\n.Dòng bắt đầu bằng dấu chấm.\r\nTrân trọng.\r\n";

// Enough of an SMTP server to receive one message per connection, one connection at a time; what
// it receives is recorded for the tests.
class SmtpSink {
public:
    explicit SmtpSink(bool refuse_rcpt = false)
        : m_refuse_rcpt(refuse_rcpt),
          m_acceptor(m_io, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
        m_port = m_acceptor.local_endpoint().port();
        m_thread = std::thread([this] { run(); });
    }
    ~SmtpSink() {
        // A blocked accept() wakes only for a connection: make one after raising the flag.
        m_stop = true;
        boost::system::error_code ec;
        boost::asio::io_context io;
        tcp::socket wake(io);
        wake.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), m_port), ec);
        m_thread.join();
    }

    unsigned short port() const { return m_port; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(m_port); }
    int connections() const { return m_connections; }
    std::string mail_from() const {
        std::lock_guard lock(m_mutex);
        return m_mail_from;
    }
    std::vector<std::string> rcpt_to() const {
        std::lock_guard lock(m_mutex);
        return m_rcpt_to;
    }
    std::string data() const {
        std::lock_guard lock(m_mutex);
        return m_data;
    }

private:
    void run() {
        while (true) {
            tcp::socket socket(m_io);
            boost::system::error_code ec;
            m_acceptor.accept(socket, ec);
            if (m_stop || ec) return;
            ++m_connections;
            session(socket);
        }
    }

    void session(tcp::socket& socket) {
        boost::system::error_code ec;
        boost::asio::streambuf buffer;
        std::istream in(&buffer);
        const auto reply = [&](const std::string& line) {
            boost::asio::write(socket, boost::asio::buffer(line + "\r\n"), ec);
        };
        reply("220 sink ESMTP");
        bool in_data = false;
        std::string data;
        while (!ec) {
            boost::asio::read_until(socket, buffer, "\r\n", ec);
            if (ec) return;
            std::string line;
            std::getline(in, line);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (in_data) {
                if (line == ".") {
                    in_data = false;
                    std::lock_guard lock(m_mutex);
                    m_data = data;
                    reply("250 queued");
                } else {
                    data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
                }
                continue;
            }
            const std::string verb = line.substr(0, 4);
            if (verb == "EHLO" || verb == "HELO") {
                reply("250 sink");
            } else if (line.starts_with("MAIL FROM:")) {
                std::lock_guard lock(m_mutex);
                m_mail_from = line.substr(10);
                reply("250 ok");
            } else if (line.starts_with("RCPT TO:")) {
                if (m_refuse_rcpt) {
                    reply("550 5.1.1 no such user");
                } else {
                    std::lock_guard lock(m_mutex);
                    m_rcpt_to.push_back(line.substr(8));
                    reply("250 ok");
                }
            } else if (verb == "DATA") {
                in_data = true;
                data.clear();
                reply("354 end with .");
            } else if (verb == "QUIT") {
                reply("221 bye");
                return;
            } else {
                reply("502 not implemented");
            }
        }
    }

    bool m_refuse_rcpt;
    boost::asio::io_context m_io;
    tcp::acceptor m_acceptor;
    unsigned short m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::string m_mail_from;
    std::vector<std::string> m_rcpt_to;
    std::string m_data;
    std::thread m_thread;
};

// An independent decoder, so the encoder is not checked against itself.
std::string base64_decode(const std::string& text) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        const auto v = alphabet.find(c);
        if (v == std::string::npos) continue;  // padding, CR, LF
        bits = bits << 6 | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>(bits >> count & 0xff);
        }
    }
    return out;
}

std::vector<std::string> crlf_split(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find("\r\n", start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// The concatenated text of every encoded-word in a (possibly folded) header value; whitespace
// between adjacent encoded-words is not part of the text (RFC 2047 §6.2).
std::string decode_words(const std::string& value) {
    static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
    std::string out;
    for (auto it = std::sregex_iterator(value.begin(), value.end(), word);
         it != std::sregex_iterator(); ++it)
        out += base64_decode((*it)[1]);
    return out;
}

struct ParsedMessage {
    std::vector<std::string> header_lines;  // raw, folded
    std::string body;

    // The unfolded value of a header (RFC 5322 §2.2.3: remove the CRLF before folding space).
    std::string header(const std::string& name) const {
        std::string value;
        bool in = false;
        for (const auto& line : header_lines) {
            if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
                if (in) value += line;
                continue;
            }
            if (in) break;
            if (line.starts_with(name + ": ")) {
                in = true;
                value = line.substr(name.size() + 2);
            }
        }
        return value;
    }
};

ParsedMessage parse(const std::string& data) {
    ParsedMessage m;
    const auto split = data.find("\r\n\r\n");
    m.header_lines = crlf_split(data.substr(0, split));
    m.body = split == std::string::npos ? "" : data.substr(split + 4);
    return m;
}

void expect_lines_within_76(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        ASSERT_TRUE(text[i] != '\n' || (i > 0 && text[i - 1] == '\r')) << "bare LF at " << i;
    for (const auto& line : crlf_split(text))
        EXPECT_LE(line.size(), 76u) << line;
}

SmtpSettings settings(const std::string& url) {
    SmtpSettings s;
    s.url = url;
    s.from = "thidua@so-noivu.example.vn";
    s.from_name = "Phòng Thi đua – Khen thưởng";
    s.timeout_seconds = 5;
    return s;
}

MailMessage vietnamese_message() {
    return {"hang.nguyen@example.vn", "Nguyễn Thị Hằng", kSubject, kBody};
}

TEST(SmtpMailerEncoders, Base64Rfc4648Vectors) {
    EXPECT_EQ(notify::base64_encode(""), "");
    EXPECT_EQ(notify::base64_encode("f"), "Zg==");
    EXPECT_EQ(notify::base64_encode("fo"), "Zm8=");
    EXPECT_EQ(notify::base64_encode("foo"), "Zm9v");
    EXPECT_EQ(notify::base64_encode("foob"), "Zm9vYg==");
    EXPECT_EQ(notify::base64_encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(notify::base64_encode("foobar"), "Zm9vYmFy");
}

TEST(SmtpMailerEncoders, Base64LinesOf76) {
    const std::string bytes(200, '\xe1');
    const auto text = notify::base64_encode(bytes, 76);
    const auto lines = crlf_split(text);
    ASSERT_EQ(lines.size(), 4u);  // 200 bytes → 268 characters
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        EXPECT_EQ(lines[i].size(), 76u);
    EXPECT_EQ(base64_decode(text), bytes);
}

TEST(SmtpMailerEncoders, Rfc2047SubjectFoldedWithin76AndRoundTrips) {
    for (const std::string& subject : {kSubject, kSubject + " — " + kSubject + " — " + kSubject}) {
        const auto header = notify::encode_unstructured_header("Subject", subject);
        expect_lines_within_76(header);
        for (const auto& w : notify::rfc2047_words(subject, 9))
            EXPECT_LE(w.size(), 75u);
        EXPECT_EQ(decode_words(header), subject);
    }
    EXPECT_EQ(notify::encode_unstructured_header("Subject", "Plain ASCII"), "Subject: Plain ASCII");
    EXPECT_EQ(notify::encode_unstructured_header("Subject", "Ờ"), "Subject: =?UTF-8?B?4buc?=")
        << "one three-byte character";
}

TEST(SmtpMailerEncoders, Rfc2047NeverSplitsACharacter) {
    // Three-byte characters only: each word must decode to whole characters on its own.
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "ừ";
    for (const auto& w : notify::rfc2047_words(text, 9)) {
        const auto decoded = decode_words(w);
        EXPECT_EQ(decoded.size() % 3, 0u) << w;
    }
}

TEST(SmtpMailerEncoders, AddressHeaders) {
    EXPECT_EQ(notify::encode_address_header("To", "", "a@b.vn"), "To: <a@b.vn>");
    EXPECT_EQ(notify::encode_address_header("To", "Ban \"TĐKT\"", "a@b.vn").substr(0, 14),
              "To: =?UTF-8?B?");
    EXPECT_EQ(notify::encode_address_header("To", "Ban \"TD\\KT\"", "a@b.vn"),
              R"(To: "Ban \"TD\\KT\"" <a@b.vn>)");
    const auto header = notify::encode_address_header("From", "Nguyễn Thị Hằng", "hang@example.vn");
    EXPECT_EQ(decode_words(header), "Nguyễn Thị Hằng");
    EXPECT_TRUE(header.ends_with(" <hang@example.vn>"));
    expect_lines_within_76(header);
}

TEST(SmtpMailerEncoders, Rfc5322DateInUtcWithEnglishNames) {
    EXPECT_EQ(notify::rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(notify::rfc5322_date(951782400 + 3723), "Tue, 29 Feb 2000 01:02:03 +0000");
}

TEST(SmtpMailerEncoders, MessageHasMimeHeadersAndCanonicalBase64Body) {
    auto m = vietnamese_message();
    m.body = "Dòng một\nDòng hai\n";
    const auto text = notify::build_message(settings("smtp://x"), m, 0, "<id@x>");
    ASSERT_TRUE(text) << text.error();
    expect_lines_within_76(*text);
    const auto msg = parse(*text);
    EXPECT_EQ(msg.header("Date"), "Thu, 01 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(msg.header("Message-ID"), "<id@x>");
    EXPECT_EQ(msg.header("MIME-Version"), "1.0");
    EXPECT_EQ(msg.header("Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(msg.header("Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(base64_decode(msg.body), "Dòng một\r\nDòng hai\r\n") << "LF becomes CRLF (RFC 2045)";
}

TEST(SmtpMailer, VietnameseMessageArrivesDecodable) {
    SmtpSink sink;
    const auto s = settings(sink.url());
    const auto result = make_smtp_mailer(s)->send(vietnamese_message());
    ASSERT_TRUE(result) << result.error();
    EXPECT_EQ(sink.mail_from(), "<thidua@so-noivu.example.vn>");
    ASSERT_EQ(sink.rcpt_to().size(), 1u);
    EXPECT_EQ(sink.rcpt_to()[0], "<hang.nguyen@example.vn>");

    const auto data = sink.data();
    expect_lines_within_76(data);
    const auto msg = parse(data);
    EXPECT_EQ(decode_words(msg.header("Subject")), kSubject);
    EXPECT_EQ(decode_words(msg.header("From")), s.from_name);
    EXPECT_TRUE(msg.header("From").ends_with("<thidua@so-noivu.example.vn>"));
    EXPECT_EQ(decode_words(msg.header("To")), "Nguyễn Thị Hằng");
    EXPECT_TRUE(msg.header("To").ends_with("<hang.nguyen@example.vn>"));
    EXPECT_TRUE(msg.header("Message-ID").ends_with("@so-noivu.example.vn>"));
    EXPECT_FALSE(msg.header("Date").empty());
    EXPECT_EQ(base64_decode(msg.body), kBody);
}

TEST(SmtpMailer, HeaderInjectionRefusedWithoutConnecting) {
    SmtpSink sink;
    auto mailer = make_smtp_mailer(settings(sink.url()));
    auto m = vietnamese_message();
    m.subject = "Nhắc hạn\r\nBcc: victim@example.vn";
    auto bad_subject = mailer->send(m);
    m = vietnamese_message();
    m.to = "a@example.vn\nBcc: victim@example.vn";
    auto bad_to = mailer->send(m);
    m = vietnamese_message();
    m.to_name = "Hằng\rX-Evil: 1";
    auto bad_name = mailer->send(m);
    m = vietnamese_message();
    m.to = "a@example.vn> NOTIFY=NEVER <b@example.vn";
    auto bad_address = mailer->send(m);
    for (const auto* r : {&bad_subject, &bad_to, &bad_name, &bad_address}) {
        ASSERT_FALSE(*r);
        EXPECT_FALSE(r->error().empty());
    }
    EXPECT_NE(bad_subject.error().find("xuống dòng"), std::string::npos) << bad_subject.error();
    EXPECT_NE(bad_address.error().find("không hợp lệ"), std::string::npos) << bad_address.error();
    EXPECT_EQ(sink.connections(), 0);
}

TEST(SmtpMailer, RefusedRecipientIsAnError) {
    SmtpSink sink(/*refuse_rcpt=*/true);
    const auto result = make_smtp_mailer(settings(sink.url()))->send(vietnamese_message());
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().find("Không gửi được thư tới hang.nguyen@example.vn"),
              std::string::npos)
        << result.error();
    EXPECT_EQ(sink.connections(), 1);
    EXPECT_TRUE(sink.data().empty());
}

TEST(SmtpMailer, NoServerIsAnErrorWithinTheTimeout) {
    unsigned short port = 0;
    {
        // A port that was free a moment ago and has nobody listening now.
        boost::asio::io_context io;
        tcp::acceptor a(io, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
        port = a.local_endpoint().port();
    }
    auto s = settings("smtp://127.0.0.1:" + std::to_string(port));
    s.timeout_seconds = 3;
    const auto start = std::chrono::steady_clock::now();
    const auto result = make_smtp_mailer(s)->send(vietnamese_message());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().find("không kết nối được"), std::string::npos) << result.error();
    EXPECT_LT(elapsed, std::chrono::seconds(s.timeout_seconds + 1));
}

TEST(SmtpMailer, OtherUrlSchemesRefused) {
    const auto result =
        make_smtp_mailer(settings("file:///etc/passwd"))->send(vietnamese_message());
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().find("smtp://"), std::string::npos);
}

TEST(SmtpMailer, SettingsFromEnvironment) {
    const char* names[] = {"THIDUA_SMTP_URL", "THIDUA_MAIL_FROM", "THIDUA_MAIL_FROM_NAME",
                           "THIDUA_SMTP_USER", "THIDUA_SMTP_PASSWORD"};
    for (const char* n : names)
        unsetenv(n);
    EXPECT_FALSE(smtp_settings_from_env());
    setenv("THIDUA_SMTP_URL", "smtps://mail.example.vn:465", 1);
    setenv("THIDUA_MAIL_FROM", "thidua@example.vn", 1);
    setenv("THIDUA_MAIL_FROM_NAME", "Thi đua", 1);
    setenv("THIDUA_SMTP_USER", "u", 1);
    setenv("THIDUA_SMTP_PASSWORD", "p", 1);
    const auto s = smtp_settings_from_env();
    for (const char* n : names)
        unsetenv(n);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->url, "smtps://mail.example.vn:465");
    EXPECT_EQ(s->from, "thidua@example.vn");
    EXPECT_EQ(s->from_name, "Thi đua");
    EXPECT_EQ(s->user, "u");
    EXPECT_EQ(s->password, "p");
    EXPECT_EQ(s->timeout_seconds, 20);
}

}  // namespace
