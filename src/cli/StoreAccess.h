#pragma once
// What the store commands share: the default address, the user recorded in the audit log, and
// opening a store with its refusal printed on stderr.

#include <memory>
#include <string>

#include "store/Store.h"

namespace thidua::cli {

constexpr const char* kDefaultDb = "sqlite:thidua.db";

// $USER, else "thidua": who the audit log names for a command-line action.
std::string default_user();

// nullptr (after printing why on stderr) when the store cannot be opened or is refused.
std::unique_ptr<Store> open_store_or_report(const std::string& url);

}  // namespace thidua::cli
