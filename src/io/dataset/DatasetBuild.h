#pragma once
// The state one dataset import shares between its file readers: the Dataset being filled, where
// each id was first seen, and the yearly rows held back until every file has been read and the
// span of years is known. Internal to src/io.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/dataset/DiagnosticSink.h"
#include "io/dataset/TableReader.h"
#include "model/Dataset.h"

namespace thidua::detail {

struct UnitRefs {
    std::string parent;
    std::vector<std::string> successors;
};

struct UnitYearRow {
    int line = 0;
    Index unit = kNoIndex;
    int year = 0;
    double par_score = NAN, par_max = NAN, par_rank = NAN, satisfaction = NAN,
           task_completion = NAN;
    int8_t par_rating = kUnknown, head_leads = kUnknown, compliance = kUnknown,
           excellent_achievement = kUnknown, initiative = kUnknown, disciplined = kUnknown;
};

// The first and last of some years; empty until one is added.
struct YearRange {
    int first = 0;
    int last = -1;
    bool empty() const { return last < first; }
    void add(int year) {
        if (empty()) {
            first = last = year;
        } else {
            first = std::min(first, year);
            last = std::max(last, year);
        }
    }
    void add(const YearRange& more) {
        if (!more.empty()) add(more.first), add(more.last);
    }
};

// Packed: a national dataset has tens of millions of these.
struct PersonYearRow {
    int32_t line = 0;
    Index person = kNoIndex;
    Index unit = kNoIndex;
    int16_t year = 0;
    int8_t rating = kUnknown, excellent_par = kUnknown, initiative = kUnknown,
           initiative_level = kUnknown, ethics_ok = kUnknown, disciplined = kUnknown;
};

struct ComponentYearRow {
    int line = 0;
    ComponentYear value;
};

struct DatasetBuild {
    explicit DatasetBuild(DiagnosticSink& s) : sink(s) {}

    DiagnosticSink& sink;
    Dataset data;
    std::vector<int> unit_line;    // units.csv row of each unit
    std::vector<int> person_line;  // people.csv row of each person
    std::vector<UnitRefs> unit_refs;
    std::unordered_map<std::string, Index> component_by_id;
    std::unordered_map<std::string, TagId> tag_by_name;
    std::vector<UnitYearRow> unit_years;
    // person_years.csv's rows in file order, as the parts read them (ReadInParts.h): joining
    // the parts of a national file into one vector was a serial copy of 250 MB.
    std::vector<std::vector<PersonYearRow>> person_years;
    YearRange person_year_range;  // of those rows, kept by the threads that read them
    std::vector<ComponentYearRow> component_years;

    // The file being read was made sure of as valid UTF-8 by the encoding filter.
    bool content_valid_utf8 = false;
    // ... and as NFC.
    bool content_nfc = false;

    // A reader of a whole file, its problems to `sink`.
    TableReader table(std::string file, std::string_view content, std::span<const Column> columns,
                      bool header_required = false) const;

    void report(std::string_view file, int line, std::string_view field, std::string_view value,
                std::string vi, std::string en);
    static void report_to(DiagnosticSink& to, std::string_view file, int line,
                          std::string_view field, std::string_view value, std::string vi,
                          std::string en);

    // Interned, sorted and without repeats; a tag past the TagId range is reported.
    std::vector<TagId> tags(const TableReader& table, size_t col);
    std::vector<TagId> intern_tags(std::span<const std::string_view> names, std::string_view file,
                                   int line);
    // The same, its problem to `problems`.
    std::vector<TagId> intern_tags(std::span<const std::string_view> names, std::string_view file,
                                   int line, DiagnosticSink& problems);
    Index intern_component(std::string_view id);

    // Yearly files list a subject's years on consecutive rows, and subjects in the order of
    // units.csv and people.csv: remembering the last id found, and trying the one after it,
    // saves nearly every hash lookup (a cache miss each in a table of millions of people).
    // Each thread reading a part of a file keeps its own.
    struct LastFound {
        std::string id;
        Index index = kNoIndex;
    };
    struct IdCache {
        LastFound unit, person;
    };

    // The unit or person an id names; kNoIndex when there is none.
    Index lookup_unit(std::string_view id, IdCache& cache) const;
    Index lookup_person(std::string_view id, IdCache& cache) const;
    // The unit or person a reference cell names; kNoIndex (reported) when there is none.
    Index find_unit(const TableReader& table, size_t col, IdCache& cache) const;
    Index find_person(const TableReader& table, size_t col, IdCache& cache) const;
    Index find_unit(const TableReader& table, size_t col) const {
        return find_unit(table, col, m_cache);
    }
    Index find_person(const TableReader& table, size_t col) const {
        return find_person(table, col, m_cache);
    }
    std::optional<Subject> find_subject(const TableReader& table, size_t col) const;

private:
    mutable IdCache m_cache;
};

void read_units(DatasetBuild& build, std::string_view content);
void read_lineage(DatasetBuild& build, std::string_view content);
void read_people(DatasetBuild& build, std::string_view content);
void read_unit_years(DatasetBuild& build, std::string_view content);
void read_component_years(DatasetBuild& build, std::string_view content);
void read_person_years(DatasetBuild& build, std::string_view content);
void read_registrations(DatasetBuild& build, std::string_view content);
void read_events(DatasetBuild& build, std::string_view content);
void read_dossiers(DatasetBuild& build, std::string_view content);

// After every file: the span of years, the yearly arrays, and rows that repeat a (subject, year).
void assemble_years(DatasetBuild& build);

}  // namespace thidua::detail
