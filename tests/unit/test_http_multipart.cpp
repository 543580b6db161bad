// multipart/form-data as browsers and curl send it, and the ways it can be broken.

#include <gtest/gtest.h>

#include "web/http/Multipart.h"

namespace {

using namespace thidua::web;

const std::string kType = "multipart/form-data; boundary=----WebKitFormBoundaryX3b";

std::string part(std::string_view headers, std::string_view data) {
    return "------WebKitFormBoundaryX3b\r\n" + std::string(headers) + "\r\n\r\n" +
           std::string(data) + "\r\n";
}

const std::string kClose = "------WebKitFormBoundaryX3b--\r\n";

TEST(HttpMultipart, FieldsAndAFile) {
    // CR, LF, NUL, dashes and a near-boundary inside the file's bytes.
    const char raw[] = "PK\x03\x04\r\n\r\n--\0\xff\r\n-----WebKitFormBoundary";
    const std::string binary(raw, sizeof raw - 1);
    const std::string body =
        part("Content-Disposition: form-data; name=\"plan\"", "kg-2025") +
        part(
            "Content-Disposition: form-data; name=\"file\"; filename=\"dữ liệu.xlsx\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            binary) +
        part("content-disposition: form-data; name=\"empty\"", "") + kClose;
    const auto parts = parse_multipart(kType, body);
    ASSERT_TRUE(parts) << parts.error();
    ASSERT_EQ(parts->size(), 3u);
    EXPECT_EQ((*parts)[0].name, "plan");
    EXPECT_EQ((*parts)[0].data, "kg-2025");
    EXPECT_EQ((*parts)[0].filename, "");
    EXPECT_EQ((*parts)[0].content_type, "");
    EXPECT_EQ((*parts)[1].name, "file");
    EXPECT_EQ((*parts)[1].filename, "dữ liệu.xlsx");
    EXPECT_EQ((*parts)[1].content_type,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ((*parts)[1].data, binary);
    EXPECT_EQ((*parts)[2].name, "empty");
    EXPECT_EQ((*parts)[2].data, "");
}

TEST(HttpMultipart, QuotedBoundaryPreambleAndEpilogue) {
    const std::string body =
        "This is the preamble.\r\n--a:b c\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n"
        "--a:b c--\r\nepilogue --a:b c\r\n";
    const auto parts =
        parse_multipart("Multipart/Form-Data; charset=utf-8; Boundary=\"a:b c\"", body);
    ASSERT_TRUE(parts) << parts.error();
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].name, "x");
    EXPECT_EQ((*parts)[0].data, "1");
}

TEST(HttpMultipart, EscapedQuotesAndExtendedFilename) {
    const std::string body =
        part("Content-Disposition: form-data; name=\"a\\\"b\"; filename=\"x\\\\y \\\"z\\\".csv\"",
             "1") +
        part(
            "Content-Disposition: form-data; name=f; filename=\"fallback.csv\"; "
            "filename*=UTF-8''%C4%91%C6%A1n%20v%E1%BB%8B.csv",
            "2") +
        kClose;
    const auto parts = parse_multipart(kType, body);
    ASSERT_TRUE(parts) << parts.error();
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].name, "a\"b");
    EXPECT_EQ((*parts)[0].filename, "x\\y \"z\".csv");
    EXPECT_EQ((*parts)[1].filename, "đơn vị.csv");
}

TEST(HttpMultipart, NoPartsIsValid) {
    const auto parts = parse_multipart(kType, kClose);
    ASSERT_TRUE(parts) << parts.error();
    EXPECT_TRUE(parts->empty());
}

TEST(HttpMultipart, BadContentType) {
    EXPECT_FALSE(parse_multipart("multipart/form-data", kClose));
    EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=", kClose));
    EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=\"unterminated", kClose));
    EXPECT_FALSE(parse_multipart("application/json; boundary=----WebKitFormBoundaryX3b", kClose));
    EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=" + std::string(71, 'b'), kClose));
    const auto error = parse_multipart("text/plain", "");
    ASSERT_FALSE(error);
    EXPECT_TRUE(error.error().starts_with("Dữ liệu multipart không hợp lệ: ")) << error.error();
}

TEST(HttpMultipart, BrokenBodies) {
    const std::string good = part("Content-Disposition: form-data; name=\"a\"", "1");
    // Truncated in the data, in the headers, and with no closing boundary at all.
    EXPECT_FALSE(parse_multipart(kType, good.substr(0, good.size() - 3)));
    EXPECT_FALSE(parse_multipart(kType, good.substr(0, 40)));
    EXPECT_FALSE(parse_multipart(kType, good));
    EXPECT_FALSE(parse_multipart(kType, ""));
    EXPECT_FALSE(parse_multipart(kType, "no boundary here"));
    // No Content-Disposition, no name, not form-data, a header line without a colon.
    EXPECT_FALSE(parse_multipart(kType, part("Content-Type: text/plain", "1") + kClose));
    EXPECT_FALSE(
        parse_multipart(kType, part("Content-Disposition: form-data; filename=a", "1") + kClose));
    EXPECT_FALSE(
        parse_multipart(kType, part("Content-Disposition: attachment; name=a", "1") + kClose));
    EXPECT_FALSE(parse_multipart(kType, part("garbage", "1") + kClose));
    // The boundary followed by something other than CRLF or "--".
    EXPECT_FALSE(parse_multipart(kType, "------WebKitFormBoundaryX3bXYZ\r\n"));
}

TEST(HttpMultipart, Limits) {
    std::string many;
    for (int i = 0; i < 101; ++i)
        many += part("Content-Disposition: form-data; name=\"f\"", "x");
    EXPECT_FALSE(parse_multipart(kType, many + kClose));
    std::string hundred;
    for (int i = 0; i < 100; ++i)
        hundred += part("Content-Disposition: form-data; name=\"f\"", "x");
    EXPECT_TRUE(parse_multipart(kType, hundred + kClose));
    const std::string long_line =
        "Content-Disposition: form-data; name=\"f\"; filename=\"" + std::string(9000, 'a') + "\"";
    EXPECT_FALSE(parse_multipart(kType, part(long_line, "x") + kClose));
}

}  // namespace
