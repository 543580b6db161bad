#include "web/app/FileUpload.h"

#include <cctype>

#include <fmt/format.h>

#include "base/Text.h"
#include "io/FileKind.h"
#include "web/http/Multipart.h"

namespace thidua::web {
namespace {

struct UploadedPart {
    std::string name;
    std::string_view bytes;
};

tl::expected<UploadedPart, Response> uploaded_part(const Request& r) {
    const std::string type(r.header("content-type").value_or(""));
    if (!type.starts_with("multipart/form-data"))
        return UploadedPart{r.query_param("name").value_or(""), r.body};
    auto parts = parse_multipart(type, r.body);
    if (!parts)
        return tl::unexpected(
            Response::error(400, "bad_request", "Dữ liệu tải lên hỏng: " + parts.error()));
    const MultipartPart* found = nullptr;
    for (const MultipartPart& p : *parts)
        if (!p.filename.empty() && (found == nullptr || p.name == "file")) found = &p;
    if (found == nullptr)
        return tl::unexpected(Response::error(400, "bad_request", "Chưa chọn tệp để tải lên"));
    return UploadedPart{found->filename, found->data};
}

// RFC 6266: an ASCII fallback name and the UTF-8 name percent-encoded.
std::string content_disposition(const std::string& name) {
    std::string ascii, encoded;
    for (unsigned char c : fold(name))
        ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            encoded += static_cast<char>(c);
        else
            encoded += fmt::format("%{:02X}", c);
    }
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded);
}

}  // namespace

tl::expected<StoredFile, Response> checked_upload(const Request& request, std::size_t limit,
                                                  const std::string& stem,
                                                  const std::string& user) {
    auto part = uploaded_part(request);
    if (!part) return tl::unexpected(std::move(part.error()));
    if (part->bytes.size() > limit)
        return tl::unexpected(
            Response::error(413, "payload_too_large",
                            fmt::format("Tệp lớn quá: mỗi tệp tối đa {} MB", limit >> 20)));
    auto kind = sniff_file_kind(part->bytes);
    if (!kind) return tl::unexpected(Response::error(415, "unsupported_file", kind.error()));
    StoredFile file;
    file.name = safe_file_name(part->name, *kind, stem);
    file.media_type = std::string(kind->media_type);
    file.content = std::string(part->bytes);
    file.uploaded_by = user;
    return file;
}

Response file_download(StoredFile file) {
    Response out = Response::text(200, std::move(file.content), file.media_type);
    out.set_header("Content-Disposition", content_disposition(file.name));
    out.set_header("X-Content-Type-Options", "nosniff");
    out.set_header("Cache-Control", "private, no-store");
    return out;
}

}  // namespace thidua::web
