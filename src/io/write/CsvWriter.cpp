#include "io/write/CsvWriter.h"

namespace thidua {
namespace {

bool needs_quotes(std::string_view field) {
    if (field.empty()) return false;
    if (field.find_first_of(",\"\r\n") != std::string_view::npos) return true;
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    return blank(field.front()) || blank(field.back());
}

}  // namespace

void write_csv_field(std::ostream& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out << field;
        return;
    }
    out << '"';
    for (char c : field) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

void write_csv_record(std::ostream& out, std::span<const std::string_view> fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out << ',';
        write_csv_field(out, fields[i]);
    }
    out << "\r\n";
}

}  // namespace thidua
