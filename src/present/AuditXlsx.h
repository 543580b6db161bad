#pragma once
// The audit log (or a filtered page of it) as a workbook for an administrator: one row per
// change, newest first: time, who, what, about which, and the detail as written.

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "store/StoreTypes.h"

namespace thidua {

// `filters`: the filter as words, for the title ("người: lan; hành động: plan-save").
tl::expected<void, std::string> write_audit_xlsx(const std::vector<AuditEntry>& entries,
                                                 const std::string& filters,
                                                 const std::filesystem::path& path);

}  // namespace thidua
