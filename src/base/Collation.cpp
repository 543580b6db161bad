#include "base/Collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/uversion.h>

#include <memory>
#include <vector>

namespace thidua {
namespace {

// One collator per thread: ICU collators are not meant to be shared while used.
const icu::Collator* vietnamese() {
    thread_local const std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        return U_SUCCESS(status) ? std::move(c) : nullptr;
    }();
    return collator.get();
}

std::string version_text(const UVersionInfo version) {
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return text;
}

}  // namespace

std::string vietnamese_sort_key(std::string_view utf8) {
    const icu::Collator* collator = vietnamese();
    if (collator == nullptr) return std::string(utf8);
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::vector<uint8_t> key(64 + utf8.size() * 4);
    int32_t length = collator->getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
    if (length > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<size_t>(length));
        length = collator->getSortKey(text, key.data(), length);
    }
    // ICU counts the terminating NUL; keys compare the same without it.
    const auto size = static_cast<size_t>(length > 0 ? length - 1 : 0);
    return std::string(reinterpret_cast<const char*>(key.data()), size);
}

bool vietnamese_less(std::string_view a, std::string_view b) {
    return vietnamese_sort_key(a) < vietnamese_sort_key(b);
}

std::string collation_version() {
    UVersionInfo icu;
    u_getVersion(icu);
    std::string out = "icu " + version_text(icu);
    if (const icu::Collator* collator = vietnamese()) {
        UVersionInfo rules;
        collator->getVersion(rules);
        out += " / vi " + version_text(rules);
    }
    return out;
}

}  // namespace thidua
