#pragma once
// A fresh private directory, removed with everything in it when the object goes. Readers and
// writers that work on paths (datasets, libxlsxwriter) get one whose name the server chose,
// never one derived from a request.

#include <filesystem>
#include <optional>
#include <string>

namespace thidua {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Empty when the directory could not be made.
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// The whole file, or nullopt when it cannot be read (what a writer left in a TempDir, a file the
// command line names).
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace thidua
