#pragma once
// Field-by-field comparison of two Datasets for round-trip tests: returns the first difference
// in words ("people.name[3]: 'A' vs 'B'"), or an empty string when they are equal. NaN equals
// NaN (both "not known"); tags and components compare by name, not by interned number.

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "model/Dataset.h"

namespace thidua::testing_support {

class DatasetCompare {
public:
    std::string operator()(const Dataset& a, const Dataset& b) {
        m_a = &a;
        m_b = &b;
        units();
        people();
        years();
        records();
        return m_diff;
    }

private:
    template <class T>
    std::string show(const T& v) {
        std::ostringstream s;
        if constexpr (std::is_same_v<T, std::optional<Date>>) {
            s << (v ? v->iso() : "none");
        } else if constexpr (std::is_same_v<T, Date>) {
            s << v.iso();
        } else if constexpr (std::is_enum_v<T> || std::is_same_v<T, int8_t> ||
                             std::is_same_v<T, uint8_t>) {
            s << static_cast<int>(v);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            for (const auto& x : v)
                s << x << ';';
        } else if constexpr (std::is_same_v<T, std::vector<Index>>) {
            for (auto x : v)
                s << x << ';';
        } else {
            s << v;
        }
        return s.str();
    }

    template <class T>
    void same(const std::string& what, const T& x, const T& y) {
        if (!m_diff.empty()) return;
        bool equal;
        if constexpr (std::is_floating_point_v<T>) {
            equal = (std::isnan(x) && std::isnan(y)) || x == y;
        } else {
            equal = x == y;
        }
        if (!equal) m_diff = what + ": '" + show(x) + "' vs '" + show(y) + "'";
    }

    template <class T>
    void same_column(const std::string& what, const std::vector<T>& x, const std::vector<T>& y) {
        same(what + ".size", x.size(), y.size());
        for (size_t i = 0; i < x.size() && m_diff.empty(); ++i)
            same(what + "[" + std::to_string(i) + "]", x[i], y[i]);
    }

    std::vector<std::string> tags(const Dataset& d, const std::vector<TagId>& t) {
        std::vector<std::string> out;
        for (TagId id : t)
            out.push_back(d.tag_names[id]);
        std::sort(out.begin(), out.end());
        return out;
    }
    std::string component(const Dataset& d, Index c) {
        return c == kNoIndex ? "" : d.components[static_cast<size_t>(c)];
    }

    void units() {
        const Dataset &a = *m_a, &b = *m_b;
        same("units.size", a.units.size(), b.units.size());
        for (size_t i = 0; i < a.units.size() && m_diff.empty(); ++i) {
            const Unit &x = a.units[i], &y = b.units[i];
            const std::string at = "units[" + std::to_string(i) + "].";
            same(at + "id", x.id, y.id);
            same(at + "name", x.name, y.name);
            same(at + "type", x.type, y.type);
            same(at + "parent", x.parent, y.parent);
            same(at + "tags", tags(a, x.tags), tags(b, y.tags));
            same(at + "successor_of", x.successor_of, y.successor_of);
            same_column(at + "predecessor_weight", x.predecessor_weight, y.predecessor_weight);
            same(at + "main_predecessor", x.main_predecessor, y.main_predecessor);
            same(at + "active_from", x.active_from, y.active_from);
            same(at + "active_to", x.active_to, y.active_to);
        }
    }

    void people() {
        const People &x = m_a->people, &y = m_b->people;
        same_column("people.id", x.id, y.id);
        same_column("people.name", x.name, y.name);
        same_column("people.unit", x.unit, y.unit);
        same_column("people.gender", x.gender, y.gender);
        same_column("people.par_role", x.par_role, y.par_role);
        same_column("people.resident", x.resident, y.resident);
        for (size_t i = 0; i < x.size() && i < y.size() && m_diff.empty(); ++i) {
            const std::string at = "people[" + std::to_string(i) + "].";
            same(at + "component", component(*m_a, x.component[i]),
                 component(*m_b, y.component[i]));
            same(at + "tags", tags(*m_a, x.tags[i]), tags(*m_b, y.tags[i]));
        }
    }

    void years() {
        same("first_year", m_a->first_year, m_b->first_year);
        same("year_count", m_a->year_count, m_b->year_count);
        const UnitYears &x = m_a->unit_years, &y = m_b->unit_years;
        same_column("unit_years.present", x.present, y.present);
        same_column("unit_years.par_score", x.par_score, y.par_score);
        same_column("unit_years.par_max", x.par_max, y.par_max);
        same_column("unit_years.par_rank", x.par_rank, y.par_rank);
        same_column("unit_years.satisfaction", x.satisfaction, y.satisfaction);
        same_column("unit_years.task_completion", x.task_completion, y.task_completion);
        same_column("unit_years.par_rating", x.par_rating, y.par_rating);
        same_column("unit_years.head_leads", x.head_leads, y.head_leads);
        same_column("unit_years.compliance", x.compliance, y.compliance);
        same_column("unit_years.excellent_achievement", x.excellent_achievement,
                    y.excellent_achievement);
        same_column("unit_years.initiative", x.initiative, y.initiative);
        same_column("unit_years.disciplined", x.disciplined, y.disciplined);
        const PersonYears &p = m_a->person_years, &q = m_b->person_years;
        same_column("person_years.present", p.present, q.present);
        same_column("person_years.unit", p.unit, q.unit);
        same_column("person_years.rating", p.rating, q.rating);
        same_column("person_years.excellent_par", p.excellent_par, q.excellent_par);
        same_column("person_years.initiative", p.initiative, q.initiative);
        same_column("person_years.initiative_level", p.initiative_level, q.initiative_level);
        same_column("person_years.ethics_ok", p.ethics_ok, q.ethics_ok);
        same_column("person_years.disciplined", p.disciplined, q.disciplined);
        same("component_years.size", m_a->component_years.size(), m_b->component_years.size());
        for (size_t i = 0; i < m_a->component_years.size() && m_diff.empty(); ++i) {
            const ComponentYear &c = m_a->component_years[i], &d = m_b->component_years[i];
            const std::string at = "component_years[" + std::to_string(i) + "].";
            same(at + "component", component(*m_a, c.component), component(*m_b, d.component));
            same(at + "unit", c.unit, d.unit);
            same(at + "year", c.year, d.year);
            same(at + "score", c.score, d.score);
            same(at + "max", c.max, d.max);
        }
    }

    void records() {
        const Dataset &a = *m_a, &b = *m_b;
        for (auto f : {&Dataset::has_people, &Dataset::has_unit_years, &Dataset::has_person_years,
                       &Dataset::has_component_years, &Dataset::has_registrations,
                       &Dataset::has_events, &Dataset::has_dossiers})
            same("has_* flags", a.*f, b.*f);
        same("registrations.size", a.registrations.size(), b.registrations.size());
        for (size_t i = 0; i < a.registrations.size() && m_diff.empty(); ++i) {
            const Registration &x = a.registrations[i], &y = b.registrations[i];
            same("registrations.subject", x.subject.index, y.subject.index);
            same("registrations.kind", x.subject.kind, y.subject.kind);
            same("registrations.period", x.period, y.period);
            same("registrations.registered_on", x.registered_on, y.registered_on);
        }
        same("events.size", a.events.size(), b.events.size());
        for (size_t i = 0; i < a.events.size() && m_diff.empty(); ++i) {
            same("events.event", a.events[i].event, b.events[i].event);
            same("events.year", a.events[i].year, b.events[i].year);
            same("events.date", a.events[i].date, b.events[i].date);
        }
        same("dossiers.size", a.dossiers.size(), b.dossiers.size());
        for (size_t i = 0; i < a.dossiers.size() && m_diff.empty(); ++i) {
            const DossierDocument &x = a.dossiers[i], &y = b.dossiers[i];
            same("dossiers.subject", x.subject.index, y.subject.index);
            same("dossiers.kind", x.subject.kind, y.subject.kind);
            same("dossiers.award", x.award, y.award);
            same("dossiers.period", x.period, y.period);
            same("dossiers.document", x.document, y.document);
            same("dossiers.copies", x.copies, y.copies);
            same("dossiers.submitted_on", x.submitted_on, y.submitted_on);
        }
    }

    const Dataset* m_a = nullptr;
    const Dataset* m_b = nullptr;
    std::string m_diff;
};

inline std::string dataset_difference(const Dataset& a, const Dataset& b) {
    return DatasetCompare()(a, b);
}

}  // namespace thidua::testing_support
