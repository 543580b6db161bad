#pragma once
// Builds small datasets in code for unit tests of the engine, without going through CSV.

#include <string>

#include "model/Dataset.h"

namespace thidua::testing_support {

class TestDataset {
public:
    TestDataset(int first_year, int year_count) {
        m_data.first_year = first_year;
        m_data.year_count = year_count;
        m_data.has_unit_years = m_data.has_person_years = m_data.has_people = true;
    }

    Index unit(const std::string& id, UnitType type, Index parent = kNoIndex) {
        Unit u;
        u.id = id;
        u.name = id;
        u.type = type;
        u.parent = parent;
        m_data.units.push_back(u);
        const Index i = static_cast<Index>(m_data.units.size() - 1);
        m_data.unit_by_id[id] = i;
        grow_units();
        return i;
    }

    Index person(const std::string& id, Index unit, Gender g = Gender::Unknown) {
        People& p = m_data.people;
        p.id.push_back(id);
        p.name.push_back(id);
        p.unit.push_back(unit);
        p.gender.push_back(g);
        p.par_role.push_back(kUnknown);
        p.resident.push_back(kUnknown);
        p.component.push_back(kNoIndex);
        p.tags.emplace_back();
        const Index i = static_cast<Index>(p.size() - 1);
        m_data.person_index.insert(p.id, i);
        grow_people(unit);
        return i;
    }

    UnitYears& unit_years() { return m_data.unit_years; }
    PersonYears& person_years() { return m_data.person_years; }
    size_t slot(Index row, int year) const { return m_data.slot(row, year); }
    Dataset& data() { return m_data; }

private:
    void grow_units() {
        const size_t n = m_data.units.size() * static_cast<size_t>(m_data.year_count);
        UnitYears& y = m_data.unit_years;
        for (auto* v : {&y.par_score, &y.par_max, &y.par_rank, &y.satisfaction, &y.task_completion})
            v->resize(n, NAN);
        for (auto* v : {&y.par_rating, &y.head_leads, &y.compliance, &y.excellent_achievement,
                        &y.initiative, &y.disciplined})
            v->resize(n, kUnknown);
        y.present.resize(n, 0);
    }
    void grow_people(Index unit) {
        const size_t n = m_data.people.size() * static_cast<size_t>(m_data.year_count);
        PersonYears& y = m_data.person_years;
        y.unit.resize(n, unit);
        for (auto* v : {&y.rating, &y.excellent_par, &y.initiative, &y.ethics_ok,
                        &y.initiative_level, &y.disciplined})
            v->resize(n, kUnknown);
        y.present.resize(n, 0);
    }

    Dataset m_data;
};

}  // namespace thidua::testing_support
