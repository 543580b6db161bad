#include "base/Diagnostic.h"

#include <fmt/format.h>

namespace thidua {

Diagnostic Diagnostic::about_file(std::string file, std::string vi, std::string en) {
    Diagnostic d;
    d.file = std::move(file);
    d.message = std::move(vi);
    d.message_en = std::move(en);
    return d;
}

std::string Diagnostic::format() const {
    std::string where = file;
    if (line > 0) where += fmt::format(":{}", line);
    if (column > 0) where += fmt::format(":{}", column);
    std::string cell;
    if (!field.empty()) cell = fmt::format(" cột \"{}\"", field);
    if (!field.empty() || !value.empty()) cell += fmt::format(", giá trị \"{}\"", value);
    if (!cell.empty()) cell += ":";
    return fmt::format("{}:{} {}", where, cell, message);
}

std::string Diagnostic::format_bilingual() const {
    if (message_en.empty()) return format();
    return format() + " / " + message_en;
}

}  // namespace thidua
