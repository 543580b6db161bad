#pragma once
// The column layout of every imported table, shared by the import and its tests.

#include <string_view>
#include <utility>

#include "model/Dataset.h"
#include "store/StagedMerge.h"

namespace thidua::store::tables {

using enum SqlType;

inline constexpr StagedColumn kUnitKey[] = {{"id", Key}};
inline constexpr StagedColumn kUnitValues[] = {
    {"name", Text},     {"name_fold", Text}, {"name_sort", Blob},   {"type", Text},
    {"parent_id", Key}, {"tags", Text},      {"active_from", Text}, {"active_to", Text},
};
inline constexpr MergeSpec kUnits{"units", kUnitKey, kUnitValues, true};

inline constexpr StagedColumn kSuccessionKey[] = {{"unit_id", Key}, {"predecessor_id", Key}};
inline constexpr StagedColumn kSuccessionValues[] = {
    {"pos", Integer}, {"weight", Real}, {"main", Integer}};
inline constexpr MergeSpec kSuccessions{"unit_successions", kSuccessionKey, kSuccessionValues,
                                        false};

inline constexpr StagedColumn kPersonKey[] = {{"id", Key}};
inline constexpr StagedColumn kPersonValues[] = {
    {"name", Text},        {"name_fold", Text}, {"name_sort", Blob},
    {"unit_id", Key},      {"gender", Text},    {"par_role", Integer},
    {"resident", Integer}, {"component", Key},  {"tags", Text},
};
inline constexpr MergeSpec kPeople{"people", kPersonKey, kPersonValues, true};

inline constexpr StagedColumn kUnitYearKey[] = {{"unit_id", Key}, {"year", Integer}};
inline constexpr StagedColumn kUnitYearValues[] = {
    {"par_score", Real},     {"par_max", Real},         {"par_rank", Real},
    {"satisfaction", Real},  {"task_completion", Real}, {"par_rating", Text},
    {"head_leads", Integer}, {"compliance", Integer},   {"excellent_achievement", Integer},
    {"initiative", Integer}, {"disciplined", Integer},
};
inline constexpr MergeSpec kUnitYears{"unit_years", kUnitYearKey, kUnitYearValues, false};

inline constexpr StagedColumn kComponentYearKey[] = {{"component_id", Key}, {"year", Integer}};
inline constexpr StagedColumn kComponentYearValues[] = {
    {"unit_id", Key}, {"score", Real}, {"max_score", Real}};
inline constexpr MergeSpec kComponentYears{"component_years", kComponentYearKey,
                                           kComponentYearValues, true};

inline constexpr StagedColumn kPersonYearKey[] = {{"person_id", Key}, {"year", Integer}};
inline constexpr StagedColumn kPersonYearValues[] = {
    {"unit_id", Key},         {"rating", Text},           {"excellent_par", Integer},
    {"initiative", Integer},  {"initiative_level", Text}, {"ethics_ok", Integer},
    {"disciplined", Integer},
};
inline constexpr MergeSpec kPersonYears{"person_years", kPersonYearKey, kPersonYearValues, false};

// Registrations, events and dossiers are keyed by the plan they came with first ('' for none).
inline constexpr StagedColumn kRegistrationKey[] = {
    {"plan_id", Text}, {"subject_kind", Text}, {"subject_id", Key}, {"period", Text}};
inline constexpr StagedColumn kRegistrationValues[] = {{"registered_on", Text}};
inline constexpr MergeSpec kRegistrations{"registrations", kRegistrationKey, kRegistrationValues,
                                          true};

inline constexpr StagedColumn kEventKey[] = {{"plan_id", Text}, {"event", Text}, {"year", Integer}};
inline constexpr StagedColumn kEventValues[] = {{"event_date", Text}};
inline constexpr MergeSpec kEvents{"events", kEventKey, kEventValues, true};

// Dossier documents are staged with their dossier's natural key and merged by hand (two tables).
inline constexpr StagedColumn kDossierKey[] = {{"plan_id", Text},
                                               {"subject_kind", Text},
                                               {"subject_id", Key},
                                               {"award", Text},
                                               {"period", Text}};
inline constexpr StagedColumn kDocumentKey[] = {{"plan_id", Text},   {"subject_kind", Text},
                                                {"subject_id", Key}, {"award", Text},
                                                {"period", Text},    {"document", Text}};
inline constexpr StagedColumn kDocumentValues[] = {{"copies", Integer}, {"submitted_on", Text}};
inline constexpr MergeSpec kDossierDocuments{"dossier_documents", kDocumentKey, kDocumentValues,
                                             true};

// The optional files of a dataset, recorded in dataset_parts once given: an absent
// registrations.csv makes `registered` unknown where an empty one makes it false.
// Registrations, events and dossiers are recorded per plan, the rest for every plan.
struct DatasetPart {
    std::string_view name;
    bool Dataset::*given;
    bool per_plan;
};
inline constexpr DatasetPart kDatasetParts[] = {
    {"people", &Dataset::has_people, false},
    {"unit_years", &Dataset::has_unit_years, false},
    {"person_years", &Dataset::has_person_years, false},
    {"component_years", &Dataset::has_component_years, false},
    {"registrations", &Dataset::has_registrations, true},
    {"events", &Dataset::has_events, true},
    {"dossiers", &Dataset::has_dossiers, true},
};

}  // namespace thidua::store::tables
