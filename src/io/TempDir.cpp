#include "io/TempDir.h"

#include <cstdlib>
#include <string>

namespace thidua {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "thidua-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ignored);
}

}  // namespace thidua
