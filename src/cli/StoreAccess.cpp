#include "cli/StoreAccess.h"

#include <cstdlib>
#include <iostream>

namespace thidua::cli {

std::string default_user() {
    const char* user = std::getenv("USER");
    return user != nullptr && *user != '\0' ? user : "thidua";
}

std::unique_ptr<Store> open_store_or_report(const std::string& url) {
    auto store = open_store(url);
    if (store) return std::move(*store);
    std::cerr << store.error().format() << "\n";
    return nullptr;
}

}  // namespace thidua::cli
