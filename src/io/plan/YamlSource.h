#pragma once
// Typed reads from a yaml-cpp tree that remember where each value was, and collect every
// problem as file:line:col instead of stopping at the first.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Diagnostic.h"
#include "plan/PlanSpec.h"

namespace thidua {

class YamlSource {
public:
    YamlSource(const std::string& text, const std::string& file);

    const std::string& text() const { return m_text; }
    const std::string& file() const { return m_file; }
    const Diagnostics& errors() const { return m_errors; }

    void error(const YAML::Node& at, std::string message);
    SourceRef where(const YAML::Node& n) const;

    // Unknown keys are errors (a typo must not silently drop a criterion); so are missing ones.
    void keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
              std::initializer_list<std::string_view> required);

    std::string str(const YAML::Node& n);
    std::string id(const YAML::Node& n);
    std::vector<std::string> strings(const YAML::Node& n);
    std::vector<std::string> ids(const YAML::Node& n);
    std::optional<Date> date(const YAML::Node& n);
    std::optional<int> integer(const YAML::Node& n);
    std::optional<double> number(const YAML::Node& n);
    std::optional<int> quota(const YAML::Node& n);  // a count, or null for "no limit"
    std::vector<YAML::Node> seq(const YAML::Node& n);
    PeriodSelector periods(const YAML::Node& n);
    std::vector<UnitType> unit_types(const YAML::Node& n);
    ExprText expr(const YAML::Node& n);

private:
    std::string m_text;
    std::string m_file;
    std::vector<std::string_view> m_lines;
    Diagnostics m_errors;
};

}  // namespace thidua
