#pragma once
// Whether text reads as Vietnamese: how a decoding is judged. Every word that carries a
// diacritic must be a possible Vietnamese syllable (initial consonant, vowel group, final
// consonant, at most one tone mark, marks only on vowels), and no character may be a symbol
// that Vietnamese text never has (µ, ¸, ©, ¶ ... which is what legacy fonts look like when
// read as Western text).

#include <string_view>

namespace thidua {

bool plausible_vietnamese(std::string_view utf8);

}  // namespace thidua
