#include "eval/DataIndexes.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <thread>
#include <utility>
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

// Per year, the people grouped by unit (a counting sort): members() is then a slice. Each
// thread takes a range of people and goes through their years in one sequential pass (the
// unit column is person-major), counting, then placing; a unit's people come in the order of
// the ranges, which is people.csv's order, as on one thread.
void DataIndexes::build_members() const {
    const auto years = static_cast<size_t>(std::max(m_data.year_count, 0));
    const size_t units = m_data.units.size();
    const size_t people = m_data.people.size();
    const size_t threads = people >= 20000 ? worker_threads() : 1;
    // Per thread: (year, unit) -> its people there, then where the first of them goes.
    std::vector<std::vector<uint32_t>> next(threads, std::vector<uint32_t>(years * units, 0));
    const std::vector<Index>& unit_of = m_data.person_years.unit;
    const auto each_member = [&](size_t t, auto&& visit) {
        const size_t end = people * (t + 1) / threads;
        for (size_t p = people * t / threads; p < end; ++p) {
            for (size_t y = 0; y < years; ++y) {
                const Index u = unit_of[p * years + y];
                if (u != kNoIndex) visit(p, y * units + static_cast<size_t>(u));
            }
        }
    };
    run_parts(threads,
              [&](size_t t) { each_member(t, [&](size_t, size_t key) { ++next[t][key]; }); });
    m_member_offsets.assign(years, std::vector<uint32_t>(units + 1, 0));
    for (size_t y = 0; y < years; ++y) {
        uint32_t at = 0;
        for (size_t u = 0; u < units; ++u) {
            m_member_offsets[y][u] = at;
            for (size_t t = 0; t < threads; ++t)
                at += std::exchange(next[t][y * units + u], at);
        }
        m_member_offsets[y][units] = at;
    }
    m_member_people.clear();
    for (size_t y = 0; y < years; ++y)
        m_member_people.push_back(std::make_unique_for_overwrite<Index[]>(people));
    run_parts(threads, [&](size_t t) {
        each_member(t, [&](size_t p, size_t key) {
            m_member_people[key / units][next[t][key]++] = static_cast<Index>(p);
        });
    });
}

std::span<const Index> DataIndexes::members(Index unit, int year) const {
    std::call_once(m_members_once, [this] { build_members(); });
    if (!m_data.has_year(year)) {
        // No yearly data at all for that year: people belong to the unit people.csv names.
        return {};
    }
    const int y = year - m_data.first_year;
    const auto& offsets = m_member_offsets[y];
    return std::span<const Index>(m_member_people[y].get() + offsets[unit],
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
