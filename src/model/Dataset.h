#pragma once
// The in-memory dataset the engine evaluates: units, people and their yearly facts, held in
// compact columns indexed by integer ids so that a national dataset (2.5 million people, ten
// years) is a few flat arrays rather than millions of objects. Readers (CSV now, XLSX and the
// store later) fill it; the engine only reads it.
//
// Missing values: numbers are NaN, small codes are kUnknown (-1). A blank cell is "not known".

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/Date.h"
#include "model/IdIndex.h"
#include "model/Index.h"
#include "model/Vocabulary.h"

namespace thidua {

constexpr int8_t kUnknown = -1;

// Tri-state flags in data: 0 false, 1 true, kUnknown blank.
// `disciplined` also has kReview: a pending review, inspection or complaint.
constexpr int8_t kReview = 2;

enum class Gender : int8_t { Unknown = -1, Male = 0, Female = 1 };

// An interned tag (`chuyen-trach-cchc`); units and people carry small sorted vectors of these.
using TagId = uint16_t;

struct Unit {
    std::string id;
    std::string name;  // NFC
    UnitType type = UnitType::Other;
    Index parent = kNoIndex;
    std::vector<TagId> tags;          // sorted
    std::vector<Index> successor_of;  // units it replaced
    // Parallel to successor_of (lineage.csv): each predecessor's weight, population or staff,
    // NaN where not given; and the one marked main, if any.
    std::vector<double> predecessor_weight;
    Index main_predecessor = kNoIndex;
    std::optional<Date> active_from;
    std::optional<Date> active_to;

    void add_predecessor(Index unit, double weight = NAN) {
        successor_of.push_back(unit);
        predecessor_weight.push_back(weight);
    }
};

// People are columns, not structs: there can be millions.
struct People {
    std::vector<std::string> id;
    std::vector<std::string> name;
    std::vector<Index> unit;  // people.csv unit_id
    std::vector<Gender> gender;
    std::vector<int8_t> par_role;  // tri-state flag
    std::vector<int8_t> resident;  // tri-state flag
    std::vector<Index> component;  // index into Dataset::components, kNoIndex if none
    std::vector<std::vector<TagId>> tags;
    size_t size() const { return id.size(); }
};

// Yearly facts of units: arrays of size units.size() * year_count, at unit * year_count + (y -
// first_year).
struct UnitYears {
    std::vector<double> par_score, par_max, par_rank, satisfaction, task_completion;
    std::vector<int8_t> par_rating;  // par_rating_scale() code
    std::vector<int8_t> head_leads, compliance, excellent_achievement, initiative;
    std::vector<int8_t> disciplined;  // 0, 1, kReview, kUnknown
    std::vector<uint8_t> present;     // 1 where unit_years.csv has a row
};

// Yearly facts of people: arrays of size people.size() * year_count.
struct PersonYears {
    std::vector<Index> unit;     // membership that year: the row's unit_id, else People::unit
    std::vector<int8_t> rating;  // person_rating_scale() code
    std::vector<int8_t> excellent_par, initiative, ethics_ok;
    std::vector<int8_t> initiative_level;  // initiative_level_scale() code
    std::vector<int8_t> disciplined;       // 0, 1, kReview, kUnknown
    std::vector<uint8_t> present;          // 1 where person_years.csv has a row
};

struct ComponentYear {
    Index component = kNoIndex;
    Index unit = kNoIndex;  // the office that advises on it that year
    int year = 0;
    double score = NAN;
    double max = NAN;
};

enum class SubjectKind : uint8_t { Unit, Person };

struct Subject {
    SubjectKind kind = SubjectKind::Unit;
    Index index = kNoIndex;
};

struct Registration {
    Subject subject;
    std::string period;  // "2021-2025" or "2023"
    Date registered_on;
    // Made in the application after the deadline and accepted by Home Affairs: counts as on time.
    bool late_accepted = false;
    std::string late_reason;  // why it was accepted, for the reasons shown
};

struct Event {
    std::string event;  // "results-recognized", "par-index-published"
    int year = 0;
    Date date;
};

struct DossierDocument {
    Subject subject;
    std::string award;
    std::string period;
    std::string document;
    int copies = 1;
    std::optional<Date> submitted_on;
};

struct Dataset {
    std::vector<Unit> units;
    People people;
    std::vector<std::string> components;  // component ids
    std::vector<std::string> tag_names;   // TagId -> tag text

    // Years covered by the yearly arrays; year_count == 0 when there are no yearly facts.
    int first_year = 0;
    int year_count = 0;
    UnitYears unit_years;
    PersonYears person_years;
    std::vector<ComponentYear> component_years;

    std::vector<Registration> registrations;
    std::vector<Event> events;
    std::vector<DossierDocument> dossiers;

    // Which optional files were given: an absent registrations.csv makes `registered` unknown,
    // an empty one makes it false.
    bool has_people = false, has_unit_years = false, has_person_years = false,
         has_component_years = false, has_registrations = false, has_events = false,
         has_dossiers = false, has_lineage = false;

    std::unordered_map<std::string, Index> unit_by_id;
    IdIndex person_index;  // rows of people.id; find_person() reads it

    Index find_person(std::string_view id) const { return person_index.find(people.id, id); }

    bool has_year(int year) const { return year >= first_year && year < first_year + year_count; }
    // Position of (row, year) in a yearly array; only valid when has_year(year).
    size_t slot(Index row, int year) const {
        return static_cast<size_t>(row) * static_cast<size_t>(year_count) +
               static_cast<size_t>(year - first_year);
    }
    // The unit a person belongs to in a year: that year's row, else people.csv's unit.
    Index unit_of_person(Index person, int year) const {
        return has_year(year) ? person_years.unit[slot(person, year)] : people.unit[person];
    }
    std::optional<TagId> find_tag(std::string_view name) const;
    bool unit_has_tag(Index unit, TagId tag) const;
};

}  // namespace thidua
