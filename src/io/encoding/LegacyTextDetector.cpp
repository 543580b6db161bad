#include "io/encoding/LegacyTextDetector.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/Swar.h"
#include "base/Text.h"
#include "base/Threads.h"
#include "io/dataset/CsvParts.h"
#include "io/encoding/Cp1252.h"
#include "io/encoding/VietnameseSyllables.h"

namespace thidua {
namespace {

// CSV structure is ASCII in every encoding here, so cells can be cut out without parsing:
// a segment is a run of bytes between commas, quotes and line breaks.
bool is_delimiter(char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

// The first delimiter at or after `from`, or the end of the text; eight bytes at a time, since
// a segment is a whole name.
size_t find_delimiter(std::string_view text, size_t from) {
    size_t i = from;
    for (; i + 8 <= text.size(); i += 8) {
        const uint64_t word = swar::load(text.data() + i);
        const uint64_t marks = swar::bytes_equal(word, ',') | swar::bytes_equal(word, '"') |
                               swar::bytes_equal(word, '\r') | swar::bytes_equal(word, '\n');
        if (marks != 0) return i + swar::first_marked(marks);
    }
    while (i < text.size() && !is_delimiter(text[i]))
        ++i;
    return i;
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
        const size_t end = find_delimiter(text, at);
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
    bool precomposed = true;                  // every cell is_precomposed_latin()
    // Every segment is valid UTF-8, so the whole text is: the bytes between segments are ASCII
    // and no UTF-8 sequence holds an ASCII byte. Once false, the rest is not scanned.
    bool valid_utf8 = true;
};

CellScan scan_cells(std::string_view content) {
    CellScan out;
    for_each_non_ascii_segment(content, [&](std::string_view s) {
        if (!out.valid_utf8) return;
        const Utf8CellCheck check = check_utf8_cell(s);
        out.precomposed = out.precomposed && check.precomposed;
        if (!check.valid) {
            out.valid_utf8 = false;
        } else if (!check.fits_cp1252) {
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

// `work` over the line parts of a large file, one part per core, the results in file order. A
// names file (people.csv) is mostly non-ASCII cells: the scans below cost more than reading it.
template <typename Work>
auto in_parts(std::string_view content, Work&& work) {
    // A cell never spans a line break here: segments stop at them, and so does a UTF-8 sequence.
    constexpr size_t kMinPart = 8 << 20;
    const std::vector<std::string_view> parts = cut_at_lines(content, worker_threads(), kMinPart);
    std::vector<decltype(work(content))> results(parts.size());
    run_parts(parts.size(), [&](size_t k) { results[k] = work(parts[k]); });
    return results;
}

CellScan scan(std::string_view content) {
    std::vector<CellScan> scans = in_parts(content, scan_cells);
    CellScan out = std::move(scans[0]);
    for (size_t k = 1; k < scans.size(); ++k) {
        CellScan& more = scans[k];
        out.suspects.insert(out.suspects.end(), more.suspects.begin(), more.suspects.end());
        out.ambiguous.insert(out.ambiguous.end(), more.ambiguous.begin(), more.ambiguous.end());
        out.real_unicode = out.real_unicode || more.real_unicode;
        out.precomposed = out.precomposed && more.precomposed;
        out.valid_utf8 = out.valid_utf8 && more.valid_utf8;
    }
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

LegacyResult convert_mojibake(std::string& content, const CellScan& cells) {
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
        out.valid_utf8 = out.nfc = true;
        return out;
    }
    // One pass over the text both checks it is UTF-8 and finds the cells that may be mojibake.
    const CellScan cells = scan(content);
    if (!cells.valid_utf8) {
        out = convert_raw_bytes(content);
        // Every run of non-ASCII bytes was replaced by its decoding (checked UTF-8), or none was.
        out.valid_utf8 = out.converted.has_value();
        return out;
    }
    // Cells that were mojibake are replaced by their decoding, itself checked UTF-8.
    out = convert_mojibake(content, cells);
    out.valid_utf8 = !out.refused;
    out.nfc = out.valid_utf8 && !out.converted && cells.precomposed;
    return out;
}

}  // namespace thidua
