#pragma once
// Rows the web pages list: units, people and yearly unit results, read straight from the store
// (not through the engine's Dataset, which a page showing one unit does not need).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace thidua {

struct UnitRecord {
    std::string id;
    std::string name;
    std::string type;
    std::string parent_id;  // empty for a root
    std::string tags;       // as imported: ';'-separated
    std::string active_from;
    std::string active_to;
};

struct PersonRecord {
    std::string id;
    std::string name;
    std::string unit_id;
    std::string gender;  // "nu", "nam" or empty
    std::optional<int64_t> par_role;
};

struct PeopleQuery {
    std::string search;                 // folded match on the name; empty: all
    std::vector<std::string> unit_ids;  // empty: every unit
    int limit = 200;
    std::string id;  // one person by id; empty: any
};

struct UnitYearRecord {
    std::string unit_id;
    int year = 0;
    std::optional<double> par_score;
    std::optional<double> par_max;
    std::optional<double> satisfaction;
    std::optional<double> task_completion;
    std::string par_rating;
};

struct UnitYearQuery {
    std::vector<std::string> unit_ids;  // empty: every unit
    std::optional<int> year;            // nullopt: every year
    std::string unit_type;              // empty: every type
};

}  // namespace thidua
