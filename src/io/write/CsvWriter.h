#pragma once
// RFC 4180 output: comma separated, CRLF line ends (what Excel writes and expects), a field
// quoted only when it holds a comma, a quote, a line break or blanks at either end (the reader
// trims unquoted blanks), quotes doubled.

#include <ostream>
#include <span>
#include <string_view>

namespace thidua {

void write_csv_field(std::ostream& out, std::string_view field);
void write_csv_record(std::ostream& out, std::span<const std::string_view> fields);

}  // namespace thidua
