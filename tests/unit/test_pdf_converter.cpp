// convert_docx_to_pdf: the command it runs (a stand-in soffice script records its arguments),
// the messages when LibreOffice is missing, fails or hangs, and one real conversion when
// LibreOffice is installed.

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "documents/PdfConverter.h"
#include "forms/DefaultTemplates.h"

using namespace thidua;
using namespace thidua::documents;
namespace fs = std::filesystem;

namespace {

class ScratchDir {
public:
    ScratchDir()
        : m_path(fs::temp_directory_path() / fmt::format("thidua-pdf-test-{}-{}", ::getpid(),
                                                         reinterpret_cast<uintptr_t>(this))) {
        fs::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

    // An executable shell script standing in for soffice.
    std::string script(const std::string& name, const std::string& body) const {
        const fs::path file = m_path / name;
        std::ofstream(file) << "#!/bin/sh\n" << body;
        ::chmod(file.c_str(), 0755);
        return file.string();
    }

private:
    fs::path m_path;
};

// Writes its arguments, one a line, as the "PDF" LibreOffice would write to --outdir.
const char* kRecordArguments = R"(out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
mkdir -p "$out"
printf '%s\n' "$@" > "$out/$(basename "$prev" .docx).pdf"
)";

}  // namespace

TEST(PdfConverter, MissingLibreOfficeSaysWhatToInstall) {
    PdfOptions options;
    options.soffice = "/nonexistent/bin/soffice";
    options.file_name = "to-trinh.docx";
    auto pdf = convert_docx_to_pdf("PK", options);
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().file, "to-trinh.docx");
    EXPECT_NE(pdf.error().message.find("Chưa cài LibreOffice"), std::string::npos);
    EXPECT_NE(pdf.error().message.find("libreoffice-writer-nogui"), std::string::npos);
    EXPECT_NE(pdf.error().message.find("tải bản DOCX"), std::string::npos);
    EXPECT_NE(pdf.error().message_en.find("LibreOffice is not installed"), std::string::npos);

    options.soffice = "no-such-soffice-anywhere";  // a bare name is looked up in PATH
    EXPECT_EQ(find_soffice(options), "");
    EXPECT_FALSE(convert_docx_to_pdf("PK", options));
}

TEST(PdfConverter, RunsSofficeHeadlessWithItsOwnProfileAndNoShell) {
    ScratchDir dir;
    PdfOptions options;
    options.soffice = dir.script("soffice", kRecordArguments);
    auto pdf = convert_docx_to_pdf("PK fake docx", options);
    ASSERT_TRUE(pdf) << pdf.error().format_bilingual();
    std::istringstream lines(*pdf);
    std::vector<std::string> args;
    for (std::string line; std::getline(lines, line);)
        args.push_back(line);
    ASSERT_EQ(args.size(), 9u) << *pdf;
    EXPECT_TRUE(args[0].starts_with("-env:UserInstallation=file:///")) << args[0];
    EXPECT_TRUE(args[0].ends_with("/profile")) << args[0];
    EXPECT_EQ(args[1], "--headless");
    EXPECT_EQ(args[2], "--norestore");
    EXPECT_EQ(args[4], "--convert-to");
    EXPECT_EQ(args[5], "pdf");
    EXPECT_TRUE(args[8].ends_with("/document.docx"));
    // The private folder is gone afterwards.
    EXPECT_FALSE(fs::exists(fs::path(args[8]).parent_path()));
}

TEST(PdfConverter, AFailedConversionReportsWhatLibreOfficeSaid) {
    ScratchDir dir;
    PdfOptions options;
    options.soffice = dir.script("soffice",
                                 "echo 'Error: source file could not be loaded' >&2\n"
                                 "exit 1\n");
    auto pdf = convert_docx_to_pdf("not a docx", options);
    ASSERT_FALSE(pdf);
    EXPECT_NE(pdf.error().message.find("LibreOffice không xuất được PDF (mã 1)"), std::string::npos)
        << pdf.error().message;
    EXPECT_NE(pdf.error().message_en.find("source file could not be loaded"), std::string::npos);
}

TEST(PdfConverter, ATimeoutKillsTheWholeProcessGroup) {
    ScratchDir dir;
    const fs::path pid_file = dir.path() / "child.pid";
    PdfOptions options;
    // soffice starts soffice.bin and waits for it: the stand-in starts a sleep and waits.
    options.soffice =
        dir.script("soffice", fmt::format("sleep 30 &\necho $! > '{}'\nwait\n", pid_file.string()));
    options.timeout = std::chrono::milliseconds(500);
    const auto start = std::chrono::steady_clock::now();
    auto pdf = convert_docx_to_pdf("PK", options);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    ASSERT_FALSE(pdf);
    EXPECT_NE(pdf.error().message_en.find("did not finish the PDF within 0.5 s"), std::string::npos)
        << pdf.error().message_en;
    // The grandchild was killed too: gone, or a zombie waiting for init.
    std::ifstream pid_in(pid_file);
    int child = 0;
    ASSERT_TRUE(pid_in >> child);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::ifstream stat(fmt::format("/proc/{}/stat", child));
    std::string pid, name, state;
    if (stat >> pid >> name >> state) {
        EXPECT_EQ(state, "Z") << "sleep " << child << " still runs";
    }
}

TEST(PdfConverter, ConvertsADocxWithLibreOffice) {
    if (find_soffice().empty()) GTEST_SKIP() << "soffice is not installed";
    auto pdf = convert_docx_to_pdf(forms::default_template(forms::FormKind::Submission));
    ASSERT_TRUE(pdf) << pdf.error().format_bilingual();
    EXPECT_TRUE(pdf->starts_with("%PDF-"));
    EXPECT_GT(pdf->size(), 5000u);
}
