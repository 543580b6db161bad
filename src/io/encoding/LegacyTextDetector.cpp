#include "io/encoding/LegacyTextDetector.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/Text.h"
#include "io/encoding/Cp1252.h"
#include "io/encoding/VietnameseSyllables.h"

namespace thidua {
namespace {

// CSV structure is ASCII in every encoding here, so cells can be cut out without parsing:
// a segment is a run of bytes between commas, quotes and line breaks.
bool is_delimiter(char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

size_t find_non_ascii(std::string_view text, size_t from) {
    // Eight bytes at a time: a national person_years.csv is hundreds of MB of plain ASCII.
    size_t i = from;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ULL) break;
    }
    for (; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
    }
    return std::string_view::npos;
}

// Calls `visit` with each segment that holds a non-ASCII byte, in order: only those can be
// legacy text, and skipping the others keeps the scan at memory speed.
template <typename Visit>
void for_each_non_ascii_segment(std::string_view text, Visit&& visit) {
    size_t done = 0;  // segments before this offset have been visited or skipped
    for (size_t at = find_non_ascii(text, 0); at != std::string_view::npos;
         at = find_non_ascii(text, done)) {
        size_t begin = at;
        while (begin > done && !is_delimiter(text[begin - 1]))
            --begin;
        size_t end = at;
        while (end < text.size() && !is_delimiter(text[end]))
            ++end;
        visit(text.substr(begin, end - begin));
        done = end;
    }
}

std::optional<std::string> decode_cell(std::string_view utf8, LegacyEncoding encoding) {
    const std::optional<std::string> bytes = utf8_to_cp1252(utf8);
    if (!bytes) return std::nullopt;
    std::optional<std::string> decoded = decode_legacy(*bytes, encoding);
    if (!decoded || !plausible_vietnamese(*decoded)) return std::nullopt;
    return decoded;
}

// Rebuilds the text with each converted cell replaced (cells are views into `content`).
std::string replace_cells(const std::string& content,
                          const std::vector<std::pair<std::string_view, std::string>>& changes) {
    std::string out;
    out.reserve(content.size() + content.size() / 4);
    size_t at = 0;
    for (const auto& [cell, replacement] : changes) {
        const auto offset = static_cast<size_t>(cell.data() - content.data());
        out.append(content, at, offset - at);
        out += replacement;
        at = offset + cell.size();
    }
    out.append(content, at);
    return out;
}

// Invalid bytes spelled \xNN, so that a refused cell can be shown.
std::string printable_bytes(std::string_view bytes) {
    std::string out;
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else {
            constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

// The cells of a non-UTF-8 file decoded one by one (a broken cell does not hide the others);
// nullopt for a cell that does not decode to Vietnamese.
struct RawDecoding {
    std::vector<std::pair<std::string_view, std::optional<std::string>>> cells;
    size_t readable = 0;
};

RawDecoding decode_raw(std::string_view content, LegacyEncoding encoding) {
    RawDecoding out;
    for_each_non_ascii_segment(content, [&](std::string_view s) {
        std::optional<std::string> decoded = decode_legacy(s, encoding);
        if (decoded && !plausible_vietnamese(*decoded)) decoded.reset();
        out.readable += decoded ? 1 : 0;
        out.cells.emplace_back(s, std::move(decoded));
    });
    return out;
}

LegacyResult convert_raw_bytes(std::string& content) {
    std::optional<LegacyEncoding> best;
    RawDecoding best_decoding;
    for (LegacyEncoding encoding : legacy_encodings()) {
        RawDecoding decoding = decode_raw(content, encoding);
        if (decoding.readable > best_decoding.readable)
            best = encoding, best_decoding = std::move(decoding);
    }
    if (!best) return {};
    std::vector<std::pair<std::string_view, std::string>> changes;
    for (auto& [cell, decoded] : best_decoding.cells) {
        if (!decoded) return {std::nullopt, LegacyRefusal{*best, printable_bytes(cell)}};
        changes.emplace_back(cell, std::move(*decoded));
    }
    content = replace_cells(content, changes);
    return {LegacyConversion{*best, true, changes.size()}, std::nullopt};
}

struct CellScan {
    std::vector<std::string_view> suspects;   // Western text that is not Vietnamese
    std::vector<std::string_view> ambiguous;  // Western text that could be Vietnamese
    bool real_unicode = false;                // a cell with Vietnamese beyond cp1252
};

CellScan scan(std::string_view content) {
    CellScan out;
    for_each_non_ascii_segment(content, [&](std::string_view s) {
        if (!fits_cp1252(s)) {
            // Real Unicode Vietnamese is the common case (every name of a people.csv): once one
            // cell shows it, the others need not be read.
            out.real_unicode = out.real_unicode || plausible_vietnamese(s);
        } else if (plausible_vietnamese(s)) {
            out.ambiguous.push_back(s);
        } else {
            out.suspects.push_back(s);
        }
    });
    return out;
}

std::optional<LegacyEncoding> best_encoding(const CellScan& cells) {
    std::optional<LegacyEncoding> best;
    size_t best_count = 0;
    for (LegacyEncoding encoding : legacy_encodings()) {
        size_t count = 0;
        for (std::string_view s : cells.suspects)
            count += decode_cell(s, encoding) ? 1 : 0;
        if (count > best_count) best = encoding, best_count = count;
    }
    return best;
}

LegacyResult convert_mojibake(std::string& content) {
    const CellScan cells = scan(content);
    if (cells.suspects.empty()) return {};
    const std::optional<LegacyEncoding> encoding = best_encoding(cells);
    if (!encoding) return {};
    std::vector<std::string_view> targets = cells.suspects;
    if (!cells.real_unicode)
        targets.insert(targets.end(), cells.ambiguous.begin(), cells.ambiguous.end());
    std::sort(targets.begin(), targets.end(),
              [](std::string_view a, std::string_view b) { return a.data() < b.data(); });
    std::vector<std::pair<std::string_view, std::string>> changes;
    for (std::string_view s : targets) {
        std::optional<std::string> decoded = decode_cell(s, *encoding);
        const bool suspect = !plausible_vietnamese(s);
        if (!decoded && suspect) return {std::nullopt, LegacyRefusal{*encoding, std::string(s)}};
        if (decoded) changes.emplace_back(s, std::move(*decoded));
    }
    const size_t count = changes.size();
    content = replace_cells(content, changes);
    return {LegacyConversion{*encoding, false, count}, std::nullopt};
}

}  // namespace

LegacyResult convert_legacy_text(std::string& content) {
    // Plain ASCII (a person_years.csv) holds no legacy text: one pass at memory speed.
    LegacyResult out;
    if (find_non_ascii(content, 0) == std::string_view::npos) {
        out.valid_utf8 = true;
        return out;
    }
    if (!is_valid_utf8(content)) {
        out = convert_raw_bytes(content);
        // Every run of non-ASCII bytes was replaced by its decoding (checked UTF-8), or none was.
        out.valid_utf8 = out.converted.has_value();
        return out;
    }
    // Cells that were mojibake are replaced by their decoding, itself checked UTF-8.
    out = convert_mojibake(content);
    out.valid_utf8 = !out.refused;
    return out;
}

}  // namespace thidua
