#include "web/app/DatasetUpload.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "io/DatasetSource.h"
#include "web/http/Multipart.h"

namespace thidua::web {
namespace {

namespace fs = std::filesystem;

struct Payload {
    std::string_view bytes;
    std::string name;
};

Diagnostics problem(const std::string& file, std::string vi, std::string en) {
    return {Diagnostic::about_file(file, std::move(vi), std::move(en))};
}

tl::expected<Payload, Diagnostics> payload(const Request& request) {
    const auto type = request.header("content-type").value_or("");
    if (!type.starts_with("multipart/form-data")) return Payload{request.body, "tệp tải lên"};
    auto parts = parse_multipart(type, request.body);
    if (!parts) return tl::unexpected(problem("tệp tải lên", parts.error(), "bad multipart body"));
    for (const MultipartPart& part : *parts)
        if (part.name == "file")
            return Payload{part.data, part.filename.empty() ? "tệp tải lên" : part.filename};
    return tl::unexpected(problem("tệp tải lên", "Không có trường 'file' trong biểu mẫu",
                                  "no 'file' field in the form"));
}

// A workbook is a zip whose parts include xl/workbook.xml; entry names are stored uncompressed
// in the zip's directory, so finding the name in the bytes is enough to tell.
const char* kind_of(std::string_view bytes) {
    if (!bytes.starts_with(std::string_view("PK\x03\x04", 4))) return nullptr;
    return bytes.find("xl/workbook.xml") != std::string_view::npos ? ".xlsx" : ".zip";
}

// The readers take a path: the bytes go to a fresh private directory whose name the server
// chose, never one derived from the request.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "thidua-upload-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) m_path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        if (!m_path.empty()) fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

}  // namespace

tl::expected<DatasetUpload, Diagnostics> read_dataset_upload(const Request& request) {
    auto sent = payload(request);
    if (!sent) return tl::unexpected(sent.error());
    const char* kind = kind_of(sent->bytes);
    if (kind == nullptr)
        return tl::unexpected(problem(sent->name,
                                      "Tệp không phải sổ tính .xlsx hay tệp .zip các tệp CSV",
                                      "not an .xlsx workbook nor a .zip of CSV files"));
    TempDir dir;
    if (dir.path().empty())
        return tl::unexpected(problem(sent->name, "Không tạo được thư mục tạm trên máy chủ",
                                      "cannot create a temporary directory"));
    const fs::path file = dir.path() / (std::string("upload") + kind);
    {
        std::ofstream out(file, std::ios::binary);
        out.write(sent->bytes.data(), static_cast<std::streamsize>(sent->bytes.size()));
        if (!out)
            return tl::unexpected(problem(sent->name, "Không ghi được tệp tạm trên máy chủ",
                                          "cannot write the temporary file"));
    }
    DatasetUpload upload;
    upload.source = sent->name;
    auto data = read_dataset_path(file, upload.warnings);
    if (!data) {
        Diagnostics problems = std::move(data.error());
        // Name the user's file, not the server's temporary copy.
        for (Diagnostic& d : problems)
            if (d.file.starts_with(file.string()))
                d.file = sent->name + d.file.substr(file.string().size());
        return tl::unexpected(std::move(problems));
    }
    upload.data = std::move(*data);
    return upload;
}

}  // namespace thidua::web
