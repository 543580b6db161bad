#include "documents/PackageWriter.h"

#include <zip.h>

#include <fmt/format.h>

namespace thidua::documents {
namespace {

// 1 January 2020, 00:00, in MS-DOS date format: any fixed date would do.
constexpr zip_uint16_t kDosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

Diagnostic write_failed(const std::string& file, std::string_view detail) {
    return Diagnostic::about_file(file, fmt::format("Không tạo được tệp .docx: {}", detail),
                                  fmt::format("cannot write the .docx package: {}", detail));
}

}  // namespace

tl::expected<std::string, Diagnostic> write_package(const std::vector<PackagePart>& parts,
                                                    const std::string& file_name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr) {
        zip_error_fini(&error);
        return tl::unexpected(write_failed(file_name, "libzip"));
    }
    zip_source_keep(buffer);  // the archive frees its reference on close; the bytes are read after
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    const auto fail = [&](std::string_view detail) {
        if (archive != nullptr) zip_discard(archive);
        zip_source_free(buffer);
        return tl::unexpected(write_failed(file_name, detail));
    };
    if (archive == nullptr) return fail("libzip");

    for (const PackagePart& part : parts) {
        zip_int64_t index = -1;
        if (!part.name.empty() && part.name.back() == '/') {
            index = zip_dir_add(archive, part.name.c_str(), ZIP_FL_ENC_UTF_8);
        } else {
            zip_source_t* source =
                zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
            if (source == nullptr) return fail(part.name);
            index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
            if (index < 0) {
                zip_source_free(source);
            } else {
                zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE,
                                         0);
            }
        }
        if (index < 0) return fail(fmt::format("mục \"{}\" / entry \"{}\"", part.name, part.name));
        zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), kDosTime, kDosDate, 0);
    }
    if (zip_close(archive) != 0) return fail("zip_close");  // still open: fail() discards it
    archive = nullptr;

    std::string out;
    zip_stat_t st;
    if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) return fail("stat");
    out.resize(st.size);
    const zip_int64_t n = zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
        return tl::unexpected(write_failed(file_name, "read"));
    return out;
}

}  // namespace thidua::documents
