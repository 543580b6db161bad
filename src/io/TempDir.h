#pragma once
// A fresh private directory, removed with everything in it when the object goes. Readers and
// writers that work on paths (datasets, libxlsxwriter) get one whose name the server chose,
// never one derived from a request.

#include <filesystem>

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

}  // namespace thidua
