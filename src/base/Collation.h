#pragma once
// Vietnamese collation through ICU's "vi" rules: A Ă Â B C D Đ E Ê … with the tones in order
// (a à ả ã á ạ). Sort keys compare with memcmp, so a database orders names by a plain BLOB
// column without knowing any Vietnamese.

#include <string>
#include <string_view>

namespace thidua {

// The ICU sort key of a UTF-8 name (without ICU's trailing NUL). Invalid UTF-8 sorts by its
// replacement characters.
std::string vietnamese_sort_key(std::string_view utf8);

// Orders two names as Vietnamese readers expect.
bool vietnamese_less(std::string_view a, std::string_view b);

// "icu 72.1 / vi 153.112…": sort keys from another version may order differently, so a store
// records this and recomputes its keys when it changes.
std::string collation_version();

}  // namespace thidua
