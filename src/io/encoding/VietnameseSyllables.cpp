#include "io/encoding/VietnameseSyllables.h"

#include <array>
#include <span>
#include <string>
#include <vector>

#include <unicode/utf8.h>

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

// The canonical decomposition of each code point below kTableEnd, made once with ICU: the
// encoding scan asks plausible_vietnamese() of every name of a people.csv that fits cp1252
// (hundreds of thousands), and normalizing each through ICU was most of that scan.
constexpr UChar32 kTableEnd = 0x2000;

std::u32string decomposition(const icu::Normalizer2& nfd, UChar32 c) {
    icu::UnicodeString parts;
    if (!nfd.getDecomposition(c, parts)) return std::u32string(1, static_cast<char32_t>(c));
    std::u32string out;
    for (int32_t i = 0; i < parts.length(); i = parts.moveIndex32(i, 1))
        out += static_cast<char32_t>(parts.char32At(i));
    return out;
}

const icu::Normalizer2* nfd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? nfd : nullptr;
}

std::u32string nfd_of(UChar32 c) {
    static const std::vector<std::u32string> table = [] {
        std::vector<std::u32string> t(kTableEnd);
        const icu::Normalizer2* nfd = nfd_instance();
        for (UChar32 k = 0; k < kTableEnd; ++k)
            t[static_cast<size_t>(k)] =
                nfd ? decomposition(*nfd, k) : std::u32string(1, static_cast<char32_t>(k));
        return t;
    }();
    if (c < kTableEnd) return table[static_cast<size_t>(c)];
    const icu::Normalizer2* nfd = nfd_instance();
    return nfd ? decomposition(*nfd, c) : std::u32string(1, static_cast<char32_t>(c));
}

}  // namespace

bool plausible_vietnamese(std::string_view utf8) {
    Word word;
    const auto step = [&](UChar32 c) {
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
        return true;
    };
    // The marks of a letter go through step() in their decomposition's order rather than NFD's
    // canonical order, which a Word does not depend on: it counts them and looks at the letter.
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(utf8.data(), i, length, c);
        if (c < 0) c = 0xFFFD;
        if (c < 0x80) {
            if (!step(c)) return false;
            continue;
        }
        for (UChar32 d : nfd_of(c)) {
            if (!step(d)) return false;
        }
    }
    return word.plausible();
}

}  // namespace thidua
