// The content sniffer of uploaded files: what a file is comes from its bytes, never from its name
// or the Content-Type a browser sends.

#include <gtest/gtest.h>

#include "ZipBuilder.h"
#include "io/FileKind.h"

namespace thidua {
namespace {

std::string kind_of(std::string_view bytes) {
    auto k = sniff_file_kind(bytes);
    return k ? std::string(k->id) : "refused: " + k.error();
}

TEST(FileKind, RecognisesDocumentsAndImagesByTheirBytes) {
    EXPECT_EQ(kind_of("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "pdf");
    EXPECT_EQ(kind_of(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "png");
    EXPECT_EQ(kind_of("\xff\xd8\xff\xe0\0\x10JFIF"), "jpeg");
    EXPECT_EQ(kind_of("GIF89a\x01\0\x01\0"), "gif");
    EXPECT_EQ(kind_of(std::string("RIFF\x24\0\0\0WEBPVP8 ", 16)), "webp");
    EXPECT_EQ(sniff_file_kind("%PDF-1.4")->media_type, "application/pdf");
}

TEST(FileKind, RecognisesAWordPackageButNotAnyZip) {
    const std::string docx = testing_support::build_zip(
        {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
    EXPECT_EQ(kind_of(docx), "docx");
    const std::string xlsx = testing_support::build_zip(
        {{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
    EXPECT_TRUE(kind_of(xlsx).starts_with("refused: Tệp là một tệp nén nhưng không phải"));
    EXPECT_TRUE(kind_of("PK\x03\x04 broken").starts_with("refused: Tệp nén (zip) hỏng"));
}

TEST(FileKind, RefusesEverythingElseInVietnamese) {
    EXPECT_EQ(kind_of(""), "refused: Tệp rỗng");
    // A text file renamed to .pdf is still text; so is a PDF header that is not at the start.
    EXPECT_TRUE(kind_of("Đây là văn bản thường").starts_with("refused: Nội dung tệp không phải"));
    EXPECT_TRUE(kind_of(" %PDF-1.4").starts_with("refused:"));
    EXPECT_TRUE(kind_of("MZ\x90\0").starts_with("refused:"));
    EXPECT_TRUE(kind_of("<html><script>").starts_with("refused:"));
    EXPECT_TRUE(kind_of(std::string("RIFF\0\0\0\0WAVE", 12)).starts_with("refused:"));
}

TEST(FileKind, KeepsASafeNameWithTheKindsExtension) {
    const FileKind pdf = *sniff_file_kind("%PDF-1.4");
    // NFD in, NFC out; the user's extension is replaced by the content's.
    EXPECT_EQ(safe_file_name("To\xcc\x9b\xcc\x80 tri\xcc\x80nh.txt", pdf, "x"),
              "T\xe1\xbb\x9d tr\xc3\xacnh.pdf");
    EXPECT_EQ(safe_file_name("../../etc/\"passwd\"\r\n", pdf, "to-trinh"), "to-trinh.pdf");
    EXPECT_EQ(safe_file_name("a/b\\c:d.docx", pdf, "x"), "abcd.pdf");
    EXPECT_EQ(safe_file_name("", pdf, "to-trinh"), "to-trinh.pdf");
    EXPECT_EQ(safe_file_name(".pdf", pdf, "to-trinh"), "to-trinh.pdf");
    EXPECT_EQ(safe_file_name("\xff\xfe", pdf, "to-trinh"), "to-trinh.pdf");
    const std::string long_name(400, 'a');
    EXPECT_LE(safe_file_name(long_name, pdf, "x").size(), 154u);
}

}  // namespace
}  // namespace thidua
