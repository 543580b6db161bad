#pragma once
// Line differences between two versions of a plan file, for the plan page.

#include <string>
#include <vector>

namespace thidua::web {

struct DiffLine {
    char op = ' ';  // ' ' same, '-' only in the old text, '+' only in the new
    std::string text;
};

std::vector<DiffLine> diff_lines(const std::string& old_text, const std::string& new_text);

}  // namespace thidua::web
