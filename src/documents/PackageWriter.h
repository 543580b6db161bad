#pragma once
// Writes a zip package (the filled .docx) from named parts held in memory.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"

namespace thidua::documents {

struct PackagePart {
    std::string name;       // as stored in the template; a name ending in '/' is a folder
    std::string_view data;  // must stay alive until write_package returns
};

// Deflated entries in the given order ([Content_Types].xml first when the template had it
// first), all with the same fixed timestamp so the same template and values give the same bytes.
tl::expected<std::string, Diagnostic> write_package(const std::vector<PackagePart>& parts,
                                                    const std::string& file_name);

}  // namespace thidua::documents
