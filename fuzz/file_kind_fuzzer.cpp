// libFuzzer target for the content sniffer of uploaded files (dossier papers): any bytes give a
// kind or a Vietnamese refusal, never a crash; zip input goes through the zip reader's limits.
// The safe name is checked too: valid UTF-8, no path separators or quotes, the kind's extension.
//
//   scripts/fuzz.sh file_kind_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/Text.h"
#include "io/FileKind.h"

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto kind = thidua::sniff_file_kind(input);
    if (!kind) {
        check(!kind.error().empty());
        return 0;
    }
    check(!kind->media_type.empty());
    // The first bytes doubled as a user's file name.
    const std::string name = thidua::safe_file_name(input.substr(0, 200), *kind, "tep");
    check(thidua::is_valid_utf8(name));
    check(name.find_first_of("/\\\"\r\n") == std::string::npos);
    check(name.ends_with(kind->extension));
    return 0;
}
