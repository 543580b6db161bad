#include "io/dataset/CsvParts.h"

#include <algorithm>

#include "base/Text.h"

namespace thidua {
namespace {

// One look through the text for quotes and carriage returns: a part as large as a national
// person_years.csv used to be searched twice before any thread could start.
bool can_split(std::string_view text) {
    for (size_t at = find_either(text, 0, '"', '\r'); at != std::string_view::npos;
         at = find_either(text, at + 1, '"', '\r')) {
        if (text[at] == '"' || at + 1 >= text.size() || text[at + 1] != '\n') return false;
    }
    return true;
}

}  // namespace

int CsvPart::first_line() const {
    return base_line + static_cast<int>(count_newlines(before));
}

std::vector<CsvPart> split_csv_rows(std::string_view rows, int first_line, size_t wanted,
                                    size_t min_bytes) {
    const size_t parts =
        std::min(wanted, std::max<size_t>(1, rows.size() / std::max<size_t>(min_bytes, 1)));
    if (parts <= 1 || !can_split(rows)) return {{rows, {}, first_line}};
    std::vector<CsvPart> out;
    size_t begin = 0;
    for (size_t k = 1; k <= parts && begin < rows.size(); ++k) {
        size_t end = rows.size();
        if (k < parts) {
            const size_t target = std::max(begin, rows.size() * k / parts);
            const size_t newline = rows.find('\n', target);
            end = newline == std::string_view::npos ? rows.size() : newline + 1;
        }
        out.push_back({rows.substr(begin, end - begin), rows.substr(0, begin), first_line});
        begin = end;
    }
    return out;
}

}  // namespace thidua
