#pragma once
// Lookups over a dataset that do not depend on the plan: the people of each unit per year, the
// PAR component sums, the registrations by subject. Each part is built on first use, once, and
// is then only read, from any number of threads. A caller that evaluates the same dataset again
// (the server answering requests, a benchmark) keeps one DataIndexes beside the dataset and
// passes it to evaluate() (EvaluateOptions::indexes); otherwise each evaluation builds its own.
//
// The dataset must not change while a DataIndexes made from it is in use.

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/Dataset.h"

namespace thidua {

class DataIndexes {
public:
    explicit DataIndexes(const Dataset& data) : m_data(data) {}
    DataIndexes(const DataIndexes&) = delete;
    DataIndexes& operator=(const DataIndexes&) = delete;

    const Dataset& data() const { return m_data; }

    // The people whose unit is `unit` in `year` (none for a year without yearly data).
    std::span<const Index> members(Index unit, int year) const;
    // Score and maximum of the PAR components a unit advises on; NaN where unknown.
    std::pair<double, double> unit_component(Index unit, int year) const;
    std::pair<double, double> component(Index component, int year) const;
    // The subject's registration rows, any period.
    std::span<const size_t> registrations(Subject s) const;

    // Builds every part now (before candidates are decided on several threads: not needed for
    // safety, the parts build under their own once-flags, but it keeps the threads' work even).
    void build_all() const;

private:
    void build_members() const;
    void build_components() const;
    void build_registrations() const;

    const Dataset& m_data;

    mutable std::once_flag m_members_once;
    mutable std::vector<std::vector<uint32_t>> m_member_offsets;  // per year: unit -> begin
    // Per year, grouped by unit; only the members are written.
    mutable std::vector<std::unique_ptr<Index[]>> m_member_people;

    mutable std::once_flag m_components_once;
    mutable std::vector<std::pair<double, double>> m_unit_components;  // units x years
    mutable std::vector<std::pair<double, double>> m_components;       // components x years

    mutable std::once_flag m_registrations_once;
    // Registration rows grouped by subject: a subject's rows are rows[offsets[i]..offsets[i+1]).
    mutable std::vector<uint32_t> m_unit_registrations, m_person_registrations;  // offsets
    mutable std::vector<size_t> m_registration_rows;
};

}  // namespace thidua
