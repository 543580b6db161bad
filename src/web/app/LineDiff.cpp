#include "web/app/LineDiff.h"

#include <sstream>

// dtl (Debian libdtl-dev): Wu's O(NP) sequence difference, header-only.
#include <dtl/dtl.hpp>

namespace thidua::web {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(std::move(line));
    return lines;
}

}  // namespace

std::vector<DiffLine> diff_lines(const std::string& old_text, const std::string& new_text) {
    const std::vector<std::string> a = split_lines(old_text);
    const std::vector<std::string> b = split_lines(new_text);
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.compose();
    std::vector<DiffLine> out;
    for (const auto& [line, info] : diff.getSes().getSequence()) {
        const char op = info.type == dtl::SES_ADD ? '+' : info.type == dtl::SES_DELETE ? '-' : ' ';
        out.push_back({op, line});
    }
    return out;
}

}  // namespace thidua::web
