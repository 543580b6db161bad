#include "io/zip/ZipArchive.h"

#include <zip.h>

#include <fmt/format.h>

namespace thidua {
namespace {

ZipProblem not_a_zip() {
    return {"Tệp không phải là tệp nén zip hợp lệ (hoặc bị hỏng)",
            "the file is not a valid zip archive (or it is damaged)"};
}

ZipProblem too_big(std::string_view what_vi, std::string_view what_en) {
    return {fmt::format("Tệp nén bị từ chối vì {} (có thể là \"bom zip\")", what_vi),
            fmt::format("the archive is refused: {} (a possible zip bomb)", what_en)};
}

bool ascii_iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

ZipArchive::ZipArchive(zip* archive, ZipLimits limits) : m_zip(archive), m_limits(limits) {}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : m_zip(std::exchange(other.m_zip, nullptr)),
      m_limits(other.m_limits),
      m_names(std::move(other.m_names)),
      m_sizes(std::move(other.m_sizes)),
      m_inflated(other.m_inflated) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
    std::swap(m_zip, other.m_zip);
    m_limits = other.m_limits;
    m_names = std::move(other.m_names);
    m_sizes = std::move(other.m_sizes);
    m_inflated = other.m_inflated;
    return *this;
}

ZipArchive::~ZipArchive() {
    if (m_zip != nullptr) zip_discard(m_zip);
}

tl::expected<ZipArchive, ZipProblem> ZipArchive::open_memory(std::string_view bytes,
                                                             const ZipLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) return tl::unexpected(not_a_zip());
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (archive == nullptr) {
        zip_source_free(source);
        return tl::unexpected(not_a_zip());
    }
    ZipArchive out(archive, limits);
    if (auto checked = out.check_entries(); !checked) return tl::unexpected(checked.error());
    return out;
}

tl::expected<ZipArchive, ZipProblem> ZipArchive::open_file(const std::filesystem::path& path,
                                                           const ZipLimits& limits) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (archive == nullptr) return tl::unexpected(not_a_zip());
    ZipArchive out(archive, limits);
    if (auto checked = out.check_entries(); !checked) return tl::unexpected(checked.error());
    return out;
}

tl::expected<void, ZipProblem> ZipArchive::check_entries() {
    const zip_int64_t count = zip_get_num_entries(m_zip, 0);
    if (count < 0) return tl::unexpected(not_a_zip());
    if (static_cast<uint64_t>(count) > m_limits.max_entries)
        return tl::unexpected(too_big(fmt::format("có quá nhiều mục ({})", count),
                                      fmt::format("too many entries ({})", count)));
    uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        if (zip_stat_index(m_zip, static_cast<zip_uint64_t>(i), 0, &st) != 0)
            return tl::unexpected(not_a_zip());
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return tl::unexpected(ZipProblem{"Tệp nén có mật khẩu; hãy gỡ mật khẩu rồi thử lại",
                                             "the archive is password protected; remove the "
                                             "password and try again"});
        const uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        const uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        total += size;
        if (size > m_limits.ratio_floor &&
            static_cast<double>(size) > m_limits.max_ratio * static_cast<double>(packed + 1))
            return tl::unexpected(
                too_big("một mục giải nén ra lớn bất thường so với kích thước nén",
                        "an entry inflates far beyond its compressed size"));
        m_names.emplace_back(st.name != nullptr ? st.name : "");
        m_sizes.push_back(size);
    }
    if (total > m_limits.max_total_bytes)
        return tl::unexpected(too_big("tổng dung lượng sau khi giải nén quá lớn",
                                      "the total uncompressed size is too large"));
    return {};
}

std::optional<size_t> ZipArchive::find(std::string_view name) const {
    for (size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i] == name) return i;
    }
    for (size_t i = 0; i < m_names.size(); ++i) {
        if (ascii_iequal(m_names[i], name)) return i;
    }
    return std::nullopt;
}

tl::expected<ZipEntryStream, ZipProblem> ZipArchive::open(size_t index) {
    zip_file_t* file = zip_fopen_index(m_zip, index, 0);
    if (file == nullptr)
        return tl::unexpected(
            ZipProblem{fmt::format("Không giải nén được mục \"{}\" của tệp nén", m_names[index]),
                       fmt::format("cannot inflate the entry \"{}\"", m_names[index])});
    return ZipEntryStream(*this, file, m_sizes[index]);
}

tl::expected<std::string, ZipProblem> ZipArchive::read(size_t index) {
    auto stream = open(index);
    if (!stream) return tl::unexpected(stream.error());
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        auto n = stream->read(buffer, sizeof buffer);
        if (!n) return tl::unexpected(n.error());
        if (*n == 0) return out;
        out.append(buffer, *n);
    }
}

ZipEntryStream::ZipEntryStream(ZipEntryStream&& other) noexcept
    : m_archive(other.m_archive),
      m_file(std::exchange(other.m_file, nullptr)),
      m_declared(other.m_declared),
      m_read(other.m_read) {}

ZipEntryStream& ZipEntryStream::operator=(ZipEntryStream&& other) noexcept {
    m_archive = other.m_archive;
    std::swap(m_file, other.m_file);
    m_declared = other.m_declared;
    m_read = other.m_read;
    return *this;
}

ZipEntryStream::~ZipEntryStream() {
    if (m_file != nullptr) zip_fclose(m_file);
}

tl::expected<size_t, ZipProblem> ZipEntryStream::read(char* buffer, size_t size) {
    const zip_int64_t n = zip_fread(m_file, buffer, size);
    if (n < 0)
        return tl::unexpected(
            ZipProblem{"Dữ liệu trong tệp nén bị hỏng", "the archive's data is damaged"});
    m_read += static_cast<uint64_t>(n);
    m_archive->m_inflated += static_cast<uint64_t>(n);
    // libzip stops at the declared size; the total is checked again in case of many entries.
    if (m_read > m_declared || m_archive->m_inflated > m_archive->m_limits.max_total_bytes)
        return tl::unexpected(too_big("tổng dung lượng sau khi giải nén quá lớn",
                                      "the total uncompressed size is too large"));
    return static_cast<size_t>(n);
}

}  // namespace thidua
