#include "eval/DataIndexes.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include "base/Threads.h"

namespace thidua {
namespace {

void add_to(std::pair<double, double>& sum, double score, double max) {
    sum.first += score;  // NaN stays NaN: one unknown part makes the sum unknown
    sum.second += max;
}

}  // namespace

void DataIndexes::build_all() const {
    std::call_once(m_members_once, [this] { build_members(); });
    std::call_once(m_components_once, [this] { build_components(); });
    std::call_once(m_registrations_once, [this] { build_registrations(); });
}

// Per year, the people grouped by unit (a counting sort): members() is then a slice. The years
// are independent, so they are sorted on all cores (national data: 2.5 million people a year).
void DataIndexes::build_members() const {
    const int years = m_data.year_count;
    m_member_offsets.assign(years, std::vector<uint32_t>(m_data.units.size() + 1, 0));
    m_member_people.assign(years, std::vector<Index>(m_data.people.size()));
    const bool large = m_data.people.size() >= 20000;
    const int threads =
        large ? static_cast<int>(std::min<size_t>(worker_threads(), std::max(years, 1))) : 1;
    const auto sort_years = [this, threads, years](int first) {
        for (int y = first; y < years; y += threads)
            build_members_of_year(y);
    };
    std::vector<std::jthread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(sort_years, t);
    sort_years(0);
}

// Writes only year y's offsets and people.
void DataIndexes::build_members_of_year(int y) const {
    const size_t units = m_data.units.size();
    const size_t people = m_data.people.size();
    const int year = m_data.first_year + y;
    auto& offsets = m_member_offsets[y];
    for (size_t p = 0; p < people; ++p) {
        const Index u = m_data.person_years.unit[m_data.slot(static_cast<Index>(p), year)];
        if (u != kNoIndex) ++offsets[u + 1];
    }
    for (size_t u = 0; u < units; ++u)
        offsets[u + 1] += offsets[u];
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    auto& out = m_member_people[y];
    for (size_t p = 0; p < people; ++p) {
        const Index u = m_data.person_years.unit[m_data.slot(static_cast<Index>(p), year)];
        if (u != kNoIndex) out[fill[u]++] = static_cast<Index>(p);
    }
}

std::span<const Index> DataIndexes::members(Index unit, int year) const {
    std::call_once(m_members_once, [this] { build_members(); });
    if (!m_data.has_year(year)) {
        // No yearly data at all for that year: people belong to the unit people.csv names.
        return {};
    }
    const int y = year - m_data.first_year;
    const auto& offsets = m_member_offsets[y];
    return std::span<const Index>(m_member_people[y].data() + offsets[unit],
                                  offsets[unit + 1] - offsets[unit]);
}

void DataIndexes::build_components() const {
    const size_t years = static_cast<size_t>(m_data.year_count);
    m_unit_components.assign(m_data.units.size() * years, {NAN, NAN});
    m_components.assign(m_data.components.size() * years, {NAN, NAN});
    std::vector<uint8_t> seen(m_unit_components.size(), 0);
    for (const ComponentYear& c : m_data.component_years) {
        if (!m_data.has_year(c.year)) continue;
        const size_t y = static_cast<size_t>(c.year - m_data.first_year);
        m_components[static_cast<size_t>(c.component) * years + y] = {c.score, c.max};
        if (c.unit == kNoIndex) continue;
        const size_t slot = static_cast<size_t>(c.unit) * years + y;
        if (!seen[slot]) {
            seen[slot] = 1;
            m_unit_components[slot] = {0, 0};
        }
        // An office that advises on several components: its rate is over their sum.
        add_to(m_unit_components[slot], c.score, c.max);
    }
}

std::pair<double, double> DataIndexes::unit_component(Index unit, int year) const {
    std::call_once(m_components_once, [this] { build_components(); });
    if (!m_data.has_year(year)) return {NAN, NAN};
    return m_unit_components[m_data.slot(unit, year)];
}

std::pair<double, double> DataIndexes::component(Index c, int year) const {
    std::call_once(m_components_once, [this] { build_components(); });
    if (!m_data.has_year(year) || c < 0) return {NAN, NAN};
    return m_components[static_cast<size_t>(c) * m_data.year_count + (year - m_data.first_year)];
}

// Rows grouped by subject with a counting sort, one offset table per kind of subject: a lookup
// is two array reads (a hash map of 2.5 million people cost more to build than the evaluation).
void DataIndexes::build_registrations() const {
    m_unit_registrations.assign(m_data.units.size() + 1, 0);
    m_person_registrations.assign(m_data.people.size() + 1, 0);
    const auto offsets_of = [this](SubjectKind kind) -> std::vector<uint32_t>& {
        return kind == SubjectKind::Unit ? m_unit_registrations : m_person_registrations;
    };
    const auto known = [this](const Subject& s) {
        const size_t n = s.kind == SubjectKind::Unit ? m_data.units.size() : m_data.people.size();
        return s.index >= 0 && static_cast<size_t>(s.index) < n;
    };
    for (const Registration& r : m_data.registrations)
        if (known(r.subject))
            ++offsets_of(r.subject.kind)[static_cast<size_t>(r.subject.index) + 1];
    for (SubjectKind kind : {SubjectKind::Unit, SubjectKind::Person}) {
        std::vector<uint32_t>& offsets = offsets_of(kind);
        for (size_t i = 1; i < offsets.size(); ++i)
            offsets[i] += offsets[i - 1];
    }
    // Units' rows first, then people's.
    const size_t unit_rows = m_unit_registrations.back();
    m_registration_rows.assign(unit_rows + m_person_registrations.back(), 0);
    std::vector<uint32_t> unit_fill(m_unit_registrations.begin(), m_unit_registrations.end() - 1);
    std::vector<uint32_t> person_fill(m_person_registrations.begin(),
                                      m_person_registrations.end() - 1);
    for (size_t i = 0; i < m_data.registrations.size(); ++i) {
        const Subject& s = m_data.registrations[i].subject;
        if (!known(s)) continue;
        const size_t at = s.kind == SubjectKind::Unit
                              ? unit_fill[static_cast<size_t>(s.index)]++
                              : unit_rows + person_fill[static_cast<size_t>(s.index)]++;
        m_registration_rows[at] = i;
    }
}

std::span<const size_t> DataIndexes::registrations(Subject s) const {
    std::call_once(m_registrations_once, [this] { build_registrations(); });
    const bool unit = s.kind == SubjectKind::Unit;
    const std::vector<uint32_t>& offsets = unit ? m_unit_registrations : m_person_registrations;
    if (s.index < 0 || static_cast<size_t>(s.index) + 1 >= offsets.size()) return {};
    const size_t base = unit ? 0 : m_unit_registrations.back();
    const size_t i = static_cast<size_t>(s.index);
    return std::span<const size_t>(m_registration_rows.data() + base + offsets[i],
                                   offsets[i + 1] - offsets[i]);
}

}  // namespace thidua
