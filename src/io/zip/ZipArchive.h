#pragma once
// A read-only zip archive (libzip) that refuses zip bombs: too many entries, too much
// uncompressed data in total, or an entry that inflates too far from its compressed size. The
// limits are checked against the sizes the archive declares when it is opened, and again against
// the bytes actually inflated while reading (a crafted archive can lie about sizes).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

struct zip;
struct zip_file;

namespace thidua {

struct ZipLimits {
    uint64_t max_entries = 10'000;
    // A national person_years.csv is about 1 GB; CSV entries are held in memory while read.
    uint64_t max_total_bytes = 2ULL << 30;
    // Sheet XML and CSV compress 5-50x; deflate tops out near 1000x, which is what bombs use.
    // Entries smaller than ratio_floor are not held to it: small files of repeated text
    // legitimately compress further and cannot do harm.
    double max_ratio = 200;
    uint64_t ratio_floor = 1ULL << 20;
};

struct ZipProblem {
    std::string vi;
    std::string en;
};

class ZipEntryStream;

class ZipArchive {
public:
    // `bytes` must outlive the archive.
    static tl::expected<ZipArchive, ZipProblem> open_memory(std::string_view bytes,
                                                            const ZipLimits& limits = {});
    static tl::expected<ZipArchive, ZipProblem> open_file(const std::filesystem::path& path,
                                                          const ZipLimits& limits = {});

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    // Entry names as stored, by index.
    const std::vector<std::string>& names() const { return m_names; }
    // Exact name first, then ignoring ASCII case (OPC part names are case-insensitive).
    std::optional<size_t> find(std::string_view name) const;

    tl::expected<ZipEntryStream, ZipProblem> open(size_t index);
    // The whole entry, within the limits.
    tl::expected<std::string, ZipProblem> read(size_t index);

private:
    friend class ZipEntryStream;
    ZipArchive(zip* archive, ZipLimits limits);
    tl::expected<void, ZipProblem> check_entries();

    zip* m_zip = nullptr;
    ZipLimits m_limits;
    std::vector<std::string> m_names;
    std::vector<uint64_t> m_sizes;
    uint64_t m_inflated = 0;  // bytes read so far from every entry
};

// Reads one entry in chunks; counts what it inflates against the archive's limits.
class ZipEntryStream {
public:
    ZipEntryStream(ZipEntryStream&&) noexcept;
    ZipEntryStream& operator=(ZipEntryStream&&) noexcept;
    ~ZipEntryStream();

    // Up to `size` bytes; 0 at the end. A problem (corrupt data, a limit passed) is an error.
    tl::expected<size_t, ZipProblem> read(char* buffer, size_t size);

private:
    friend class ZipArchive;
    ZipEntryStream(ZipArchive& archive, zip_file* file, uint64_t declared)
        : m_archive(&archive), m_file(file), m_declared(declared) {}

    ZipArchive* m_archive;
    zip_file* m_file;
    uint64_t m_declared;
    uint64_t m_read = 0;
};

}  // namespace thidua
