#include "expr/Facts.h"

#include <array>

namespace thidua::expr {
namespace {

#define UNIT(id, type, file, col, field)                                                          \
    FactDef {                                                                                     \
        id, SubjectKind::Unit, FactType::type, file, col, static_cast<uint8_t>(UnitField::field), \
            nullptr                                                                               \
    }
#define PERSON(id, type, file, col, field)                    \
    FactDef {                                                 \
        id, SubjectKind::Person, FactType::type, file, col,   \
            static_cast<uint8_t>(PersonField::field), nullptr \
    }

std::array<FactDef, 25> make_table() {
    return {
        UNIT("par_score", Number, "unit_years", "par_score", ParScore),
        UNIT("par_max", Number, "unit_years", "par_max", ParMax),
        UNIT("par_rank", Number, "unit_years", "par_rank", ParRank),
        UNIT("satisfaction", Number, "unit_years", "satisfaction", Satisfaction),
        UNIT("task_completion", Number, "unit_years", "task_completion", TaskCompletion),
        UNIT("par_rating", ParRating, "unit_years", "par_rating", ParRating),
        UNIT("head_leads", Flag, "unit_years", "head_leads", HeadLeads),
        UNIT("compliance", Flag, "unit_years", "compliance", Compliance),
        UNIT("excellent_achievement", Flag, "unit_years", "excellent_achievement",
             ExcellentAchievement),
        UNIT("initiative", Flag, "unit_years", "initiative", Initiative),
        UNIT("disciplined", Flag, "unit_years", "disciplined", Disciplined),
        UNIT("component_score", Number, "component_years", "score", ComponentScore),
        UNIT("component_max", Number, "component_years", "max", ComponentMax),
        PERSON("rating", PersonRating, "person_years", "rating", Rating),
        PERSON("initiative_level", InitiativeLevel, "person_years", "initiative_level",
               InitiativeLevel),
        PERSON("excellent_par", Flag, "person_years", "excellent_par", ExcellentPar),
        PERSON("initiative", Flag, "person_years", "initiative", Initiative),
        PERSON("ethics_ok", Flag, "person_years", "ethics_ok", EthicsOk),
        PERSON("disciplined", Flag, "person_years", "disciplined", Disciplined),
        PERSON("component_score", Number, "component_years", "score", ComponentScore),
        PERSON("component_max", Number, "component_years", "max", ComponentMax),
        PERSON("gender", Gender, "people", "gender", Gender),
        PERSON("par_role", Flag, "people", "par_role", ParRole),
        PERSON("resident", Flag, "people", "resident", Resident),
        PERSON("has_component", Flag, "people", "component", HasComponent),
    };
}

#undef UNIT
#undef PERSON

struct Table {
    std::array<FactDef, 25> facts = make_table();
    std::array<std::string, 25> names;
    Table() {
        for (size_t i = 0; i < facts.size(); ++i) {
            names[i] = std::string(facts[i].id);
            facts[i].name = &names[i];
        }
    }
};

const Table& table() {
    static const Table t;
    return t;
}

}  // namespace

std::span<const FactDef> fact_table() {
    return table().facts;
}

const FactDef* find_fact(std::string_view id, SubjectKind subject) {
    for (const FactDef& f : fact_table())
        if (f.id == id && f.subject == subject) return &f;
    return nullptr;
}

const FactDef* find_fact_any(std::string_view id) {
    for (const FactDef& f : fact_table())
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace thidua::expr
