#include "io/encoding/VietnameseSyllables.h"

#include <array>
#include <span>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace thidua {
namespace {

constexpr std::string_view kInitials[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu",
                                          "th",  "tr", "b",  "c",  "d",  "g",  "h",  "k",  "l",
                                          "m",   "n",  "p",  "r",  "s",  "t",  "v",  "x",  ""};
constexpr std::string_view kFinals[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
// Vowel groups with the diacritics folded away (ươ -> uo), semivowel endings included.
constexpr std::string_view kNuclei[] = {
    "a",   "e",   "i",   "o",   "u",   "y",   "ai",  "ao",  "au",  "ay",  "eo",
    "eu",  "ia",  "ie",  "iu",  "oa",  "oe",  "oi",  "oo",  "ua",  "ue",  "ui",
    "uo",  "uu",  "uy",  "ya",  "ye",  "oai", "oay", "oao", "oeo", "uay", "uoi",
    "uou", "uya", "uye", "uyu", "ieu", "yeu", "uai", "uao", "uau",
};

bool is_tone(UChar32 c) {
    return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}
bool is_shape_mark(UChar32 c) {
    return c == 0x302 || c == 0x306 || c == 0x31B;
}
bool is_ascii_letter(UChar32 c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_vowel(char c) {
    return std::string_view("aeiouy").find(c) != std::string_view::npos;
}

// Punctuation and spaces a Vietnamese office document has besides ASCII.
bool is_allowed_symbol(UChar32 c) {
    constexpr std::array<UChar32, 12> kAllowed = {0xA0,   0x2013, 0x2014, 0x2018, 0x2019, 0x201C,
                                                  0x201D, 0x2026, 0x2022, 0xB0,   0xAB,   0xBB};
    for (UChar32 a : kAllowed) {
        if (a == c) return true;
    }
    return false;
}

bool in(std::span<const std::string_view> list, std::string_view s) {
    for (std::string_view x : list) {
        if (x == s) return true;
    }
    return false;
}

bool is_syllable(std::string_view folded) {
    for (std::string_view initial : kInitials) {
        if (!folded.starts_with(initial)) continue;
        const std::string_view rest = folded.substr(initial.size());
        for (std::string_view final_ : kFinals) {
            if (rest.size() <= final_.size() || !rest.ends_with(final_)) continue;
            if (in(kNuclei, rest.substr(0, rest.size() - final_.size()))) return true;
        }
    }
    return false;
}

// One word of NFD text: its base letters folded to ASCII lowercase, its marks checked.
struct Word {
    std::string folded;
    int tones = 0;
    bool marked = false;
    bool bad_mark = false;

    void letter(char c) { folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }
    void mark(UChar32 c) {
        marked = true;
        tones += is_tone(c) ? 1 : 0;
        bad_mark = bad_mark || folded.empty() || !is_vowel(folded.back());
    }
    bool plausible() const {
        if (!marked) return true;
        return !bad_mark && tones <= 1 && is_syllable(folded);
    }
};

}  // namespace

bool plausible_vietnamese(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return false;
    const icu::UnicodeString text =
        nfd->normalize(icu::UnicodeString::fromUTF8(
                           icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
                       status);
    if (U_FAILURE(status)) return false;
    Word word;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (is_ascii_letter(c)) {
            word.letter(static_cast<char>(c));
        } else if (c == 0x111 || c == 0x110) {  // đ Đ
            word.letter('d');
            word.marked = true;
        } else if (is_tone(c) || is_shape_mark(c)) {
            word.mark(c);
        } else {
            if (c >= 0x80 && !is_allowed_symbol(c)) return false;
            if (!word.plausible()) return false;
            word = Word();
        }
    }
    return word.plausible();
}

}  // namespace thidua
