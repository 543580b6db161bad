#include "io/FileKind.h"

#include "base/Text.h"
#include "io/zip/ZipArchive.h"

namespace thidua {
namespace {

constexpr FileKind kPdf{"pdf", "application/pdf", ".pdf"};
constexpr FileKind kDocx{
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"};
constexpr FileKind kPng{"png", "image/png", ".png"};
constexpr FileKind kJpeg{"jpeg", "image/jpeg", ".jpg"};
constexpr FileKind kGif{"gif", "image/gif", ".gif"};
constexpr FileKind kWebp{"webp", "image/webp", ".webp"};

constexpr std::string_view kAccepted = "PDF, DOCX hoặc ảnh PNG, JPEG, GIF, WebP";

bool starts(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

// A Word document is a zip whose parts include the content types and the main document; a zip
// that is not (an .xlsx, a renamed archive) is refused, and a broken one too.
tl::expected<FileKind, std::string> sniff_zip(std::string_view bytes) {
    ZipLimits limits;
    limits.max_entries = 2'000;
    auto zip = ZipArchive::open_memory(bytes, limits);
    if (!zip) return tl::unexpected("Tệp nén (zip) hỏng hoặc không đọc được: " + zip.error().vi);
    if (zip->find("[Content_Types].xml") && zip->find("word/document.xml")) return kDocx;
    return tl::unexpected(std::string("Tệp là một tệp nén nhưng không phải văn bản Word (DOCX); "
                                      "chỉ nhận ") +
                          std::string(kAccepted));
}

}  // namespace

tl::expected<FileKind, std::string> sniff_file_kind(std::string_view bytes) {
    if (bytes.empty()) return tl::unexpected(std::string("Tệp rỗng"));
    // PDF readers accept the header within the first KiB; writers put it first. Only first.
    if (starts(bytes, "%PDF-")) return kPdf;
    if (starts(bytes, "\x89PNG\r\n\x1a\n")) return kPng;
    if (starts(bytes, "\xff\xd8\xff")) return kJpeg;
    if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) return kGif;
    if (bytes.size() >= 12 && starts(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return kWebp;
    if (starts(bytes, std::string_view("PK\x03\x04", 4))) return sniff_zip(bytes);
    return tl::unexpected("Nội dung tệp không phải " + std::string(kAccepted) +
                          " (phần mở rộng của tên tệp không được tính)");
}

std::string safe_file_name(std::string_view given, const FileKind& kind,
                           std::string_view fallback) {
    std::string name = is_valid_utf8(given) ? to_nfc(given) : std::string();
    std::string clean;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '"' || c == '\\' || c == '/' || c == ':' || c == ';')
            continue;
        clean += c;
    }
    // Drop the extension the user gave; the sniffed kind's goes on.
    if (const size_t dot = clean.rfind('.'); dot != std::string::npos && dot > 0) clean.resize(dot);
    while (!clean.empty() && (clean.back() == ' ' || clean.back() == '.'))
        clean.pop_back();
    constexpr size_t kMax = 150;
    if (clean.size() > kMax) {
        size_t cut = kMax;
        // Back to the start of a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80)
            --cut;
        clean.resize(cut);
    }
    if (clean.empty() || clean.front() == '.') clean = std::string(fallback);
    return clean + std::string(kind.extension);
}

}  // namespace thidua
