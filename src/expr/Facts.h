#pragma once
// The facts an expression can read, by subject: the columns of DATA.md under their own names.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "expr/Nodes.h"

namespace thidua::expr {

enum class FactType : uint8_t { Number, Flag, ParRating, PersonRating, InitiativeLevel, Gender };

struct FactDef {
    std::string_view id;
    SubjectKind subject;
    FactType type;
    const char* file;
    const char* column;
    uint8_t field;            // UnitField or PersonField
    const std::string* name;  // == id, stable for observations
};

std::span<const FactDef> fact_table();
const FactDef* find_fact(std::string_view id, SubjectKind subject);
const FactDef* find_fact_any(std::string_view id);

}  // namespace thidua::expr
