// VNI Windows (the VNI-Times family of fonts) to Unicode. Neither glibc iconv nor ICU knows
// this encoding, so the table is our own, from the VNI font layout: a few letters have a byte
// of their own (đ, ơ, ư and the i/y with tones), every other accented letter is its base ASCII
// letter followed by one modifier byte (tone, circumflex or breve, or both together).

#include <cstdint>
#include <string>

#include "base/Text.h"
#include "io/encoding/LegacyDecode.h"

namespace thidua {
namespace {

constexpr char32_t kGrave = 0x300, kAcute = 0x301, kTilde = 0x303, kHook = 0x309, kDot = 0x323;
constexpr char32_t kCircumflex = 0x302, kBreve = 0x306;

struct Letter {
    uint8_t byte;
    char32_t base;
    char32_t mark;  // 0 for none
};

// Bytes that are letters by themselves.
constexpr Letter kLetters[] = {
    {0xD1, 0x110, 0},    {0xF1, 0x111, 0},  // Đ đ
    {0xD4, 0x1A0, 0},    {0xF4, 0x1A1, 0},  // Ơ ơ
    {0xD6, 0x1AF, 0},    {0xF6, 0x1B0, 0},  // Ư ư
    {0xCD, 'I', kAcute}, {0xED, 'i', kAcute}, {0xCC, 'I', kGrave}, {0xEC, 'i', kGrave},
    {0xC6, 'I', kHook},  {0xE6, 'i', kHook},  {0xD3, 'I', kTilde}, {0xF3, 'i', kTilde},
    {0xD2, 'I', kDot},   {0xF2, 'i', kDot},   {0xCE, 'Y', kDot},   {0xEE, 'y', kDot},
};

struct Modifier {
    uint8_t lower, upper;  // the byte after a lowercase / uppercase base letter
    char32_t first, second;
};

constexpr Modifier kModifiers[] = {
    {0xF9, 0xD9, kAcute, 0},
    {0xF8, 0xD8, kGrave, 0},
    {0xFB, 0xDB, kHook, 0},
    {0xF5, 0xD5, kTilde, 0},
    {0xEF, 0xCF, kDot, 0},
    {0xE2, 0xC2, kCircumflex, 0},
    {0xEA, 0xCA, kBreve, 0},
    {0xE1, 0xC1, kCircumflex, kAcute},
    {0xE0, 0xC0, kCircumflex, kGrave},
    {0xE5, 0xC5, kCircumflex, kHook},
    {0xE3, 0xC3, kCircumflex, kTilde},
    {0xE4, 0xC4, kCircumflex, kDot},
    {0xE9, 0xC9, kBreve, kAcute},
    {0xE8, 0xC8, kBreve, kGrave},
    {0xFA, 0xDA, kBreve, kHook},
    {0xFC, 0xDC, kBreve, kTilde},
    {0xEB, 0xCB, kBreve, kDot},
};

bool is_vowel(char32_t c) {
    switch (c) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
        case 0x1A1:
        case 0x1B0:
        case 'A':
        case 'E':
        case 'I':
        case 'O':
        case 'U':
        case 'Y':
        case 0x1A0:
        case 0x1AF:
            return true;
        default:
            return false;
    }
}

bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || c == 0x1A0 || c == 0x1AF;
}

const Letter* letter(uint8_t b) {
    for (const Letter& l : kLetters) {
        if (l.byte == b) return &l;
    }
    return nullptr;
}

// The marks of a modifier byte after `base`; nullptr when the byte is no modifier for it.
const Modifier* modifier(uint8_t b, char32_t base) {
    for (const Modifier& m : kModifiers) {
        if (b == (is_upper(base) ? m.upper : m.lower)) return &m;
    }
    return nullptr;
}

}  // namespace

// Output is decomposed (base + combining marks); decode_legacy() makes it NFC.
std::optional<std::string> decode_vni(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    char32_t base = 0;  // the last letter written, while it can still take a modifier
    for (const char c : bytes) {
        const auto b = static_cast<uint8_t>(c);
        if (b < 0x80) {
            out += c;
            base = is_vowel(b) ? b : 0;
        } else if (const Modifier* m = base ? modifier(b, base) : nullptr) {
            append_utf8(out, m->first);
            if (m->second) append_utf8(out, m->second);
            base = 0;
        } else if (const Letter* l = letter(b)) {
            append_utf8(out, l->base);
            if (l->mark) append_utf8(out, l->mark);
            base = l->mark ? 0 : (is_vowel(l->base) ? l->base : 0);
        } else {
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace thidua
