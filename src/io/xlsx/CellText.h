#pragma once
// Small conversions between what a sheet's XML holds and the text the CSV checks read.

#include <optional>
#include <string>
#include <string_view>

namespace thidua {

// Undoes the _xHHHH_ escapes Excel writes for characters XML cannot hold (_x000D_ for a
// carriage return; _x005F_ for a literal underscore before such a sequence).
std::string unescape_ooxml(std::string_view text);

// An Excel serial day number (1900 or 1904 system) as YYYY-MM-DD; nullopt for text that is not a
// number or a day outside year 1..9999. A time of day is dropped.
std::optional<std::string> serial_to_iso(std::string_view value, bool date1904);

// A cell reference ("C7") split into 0-based column and 1-based row; nullopt when malformed.
struct CellRef {
    int col = 0;
    int row = 0;
};
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(int col);

// A number as Excel stores it ("1.2345E+15") written as the user saw it when it is a whole
// number: ids and codes typed as numbers must not turn into exponent notation.
std::string plain_number(std::string_view value);

}  // namespace thidua
