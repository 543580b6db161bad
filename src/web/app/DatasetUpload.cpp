#include "web/app/DatasetUpload.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "io/DatasetSource.h"
#include "io/TempDir.h"
#include "web/http/Multipart.h"

namespace thidua::web {
namespace {

namespace fs = std::filesystem;

Diagnostics problem(const std::string& file, std::string vi, std::string en) {
    return {Diagnostic::about_file(file, std::move(vi), std::move(en))};
}

// A workbook is a zip whose parts include xl/workbook.xml; entry names are stored uncompressed
// in the zip's directory, so finding the name in the bytes is enough to tell.
const char* kind_of(std::string_view bytes) {
    if (!bytes.starts_with(std::string_view("PK\x03\x04", 4))) return nullptr;
    return bytes.find("xl/workbook.xml") != std::string_view::npos ? ".xlsx" : ".zip";
}

bool write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

// "units.csv" from "export/units.csv" (a browser sends a folder's files with their relative
// paths): only the last segment, and only a plain lowercase name of DATA.md's shape, ever
// reaches the file system.
std::optional<std::string> csv_name(std::string_view sent) {
    const auto slash = sent.find_last_of("/\\");
    const std::string_view name = slash == std::string_view::npos ? sent : sent.substr(slash + 1);
    if (!name.ends_with(".csv") || name.size() > 64 || name.size() <= 4) return std::nullopt;
    for (char c : name.substr(0, name.size() - 4))
        if (!((c >= 'a' && c <= 'z') || c == '_')) return std::nullopt;
    return std::string(name);
}

// What was sent, written where the readers can take it: one workbook or zip file, or a folder
// of the CSV files of a folder export.
struct Staged {
    fs::path path;
    std::string name;
};

tl::expected<Staged, Diagnostics> stage_file(const TempDir& dir, std::string_view bytes,
                                             const std::string& name) {
    const char* kind = kind_of(bytes);
    if (kind == nullptr)
        return tl::unexpected(problem(name, "Tệp không phải sổ tính .xlsx hay tệp .zip các tệp CSV",
                                      "not an .xlsx workbook nor a .zip of CSV files"));
    const fs::path file = dir.path() / (std::string("upload") + kind);
    if (!write_file(file, bytes))
        return tl::unexpected(problem(name, "Không ghi được tệp tạm trên máy chủ",
                                      "cannot write the temporary file"));
    return Staged{file, name};
}

tl::expected<Staged, Diagnostics> stage_folder(const TempDir& dir,
                                               const std::vector<MultipartPart>& files) {
    const fs::path folder = dir.path() / "data";
    fs::create_directory(folder);
    Diagnostics refused;
    for (const MultipartPart& part : files) {
        const auto name = csv_name(part.filename);
        if (!name) {
            refused.push_back(Diagnostic::about_file(
                part.filename, "Thư mục dữ liệu chỉ gồm các tệp CSV của DATA.md (units.csv…)",
                "a data folder holds only the CSV files of DATA.md"));
            continue;
        }
        if (!write_file(folder / *name, part.data))
            return tl::unexpected(problem(*name, "Không ghi được tệp tạm trên máy chủ",
                                          "cannot write the temporary file"));
    }
    if (!refused.empty()) return tl::unexpected(std::move(refused));
    return Staged{folder, "thư mục tải lên"};
}

tl::expected<Staged, Diagnostics> stage_upload(const Request& request, const TempDir& dir) {
    const auto type = request.header("content-type").value_or("");
    if (!type.starts_with("multipart/form-data"))
        return stage_file(dir, request.body, "tệp tải lên");
    auto parts = parse_multipart(type, request.body);
    if (!parts) return tl::unexpected(problem("tệp tải lên", parts.error(), "bad multipart body"));
    std::vector<MultipartPart> files;
    for (const MultipartPart& part : *parts)
        if (part.name == "file" && !part.filename.empty()) files.push_back(part);
    if (files.empty())
        return tl::unexpected(problem("tệp tải lên", "Không có tệp nào trong trường 'file'",
                                      "no file in the 'file' field"));
    if (files.size() == 1 && kind_of(files[0].data) != nullptr)
        return stage_file(dir, files[0].data, files[0].filename);
    return stage_folder(dir, files);
}

}  // namespace

tl::expected<DatasetUpload, Diagnostics> read_dataset_upload(const Request& request) {
    TempDir dir;
    if (dir.path().empty())
        return tl::unexpected(problem("tệp tải lên", "Không tạo được thư mục tạm trên máy chủ",
                                      "cannot create a temporary directory"));
    auto staged = stage_upload(request, dir);
    if (!staged) return tl::unexpected(std::move(staged.error()));
    DatasetUpload upload;
    upload.source = staged->name;
    auto data = read_dataset_path(staged->path, upload.warnings);
    if (!data) {
        Diagnostics problems = std::move(data.error());
        // Name what the user sent, not the server's temporary copy.
        const std::string full = staged->path.string();
        const std::string base = staged->path.filename().string();
        for (Diagnostic& d : problems) {
            if (d.file.starts_with(full))
                d.file = staged->name + d.file.substr(full.size());
            else if (d.file.starts_with(base))
                d.file = staged->name + d.file.substr(base.size());
        }
        return tl::unexpected(std::move(problems));
    }
    upload.data = std::move(*data);
    return upload;
}

}  // namespace thidua::web
