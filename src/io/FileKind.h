#pragma once
// What an uploaded file really is, from its bytes: the extension and the Content-Type a browser
// sends are the user's word and are not trusted. Recognised: PDF, DOCX (an Office Open XML word
// package, checked by opening the zip), PNG, JPEG, GIF, WebP. Anything else is refused with a
// Vietnamese message. Pure: no I/O, no exceptions.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace thidua {

struct FileKind {
    std::string_view id;          // "pdf", "docx", "png", "jpeg", "gif", "webp"
    std::string_view media_type;  // "application/pdf", …
    std::string_view extension;   // ".pdf", … (the extension a download is given)
};

// The kind of `bytes`, or why it is refused (Vietnamese).
tl::expected<FileKind, std::string> sniff_file_kind(std::string_view bytes);

// A name as uploaded, made safe to keep and to send back in Content-Disposition: NFC, no
// control characters, quotes, backslashes or path separators, at most 150 bytes of whole
// characters; `fallback` when nothing is left. The extension is set to the sniffed kind's.
std::string safe_file_name(std::string_view given, const FileKind& kind, std::string_view fallback);

}  // namespace thidua
