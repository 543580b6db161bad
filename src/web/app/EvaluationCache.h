#pragma once
// What the server evaluated, kept for the next request: each plan's dataset as loaded from the
// store, each evaluation (and each don-vi unit's view of it), and the evaluation endpoint's JSON
// bodies. Every key holds the store's data generation (Store::data_generation, bumped in the
// transaction of every change that can alter an evaluation, on whichever server made it) and the
// day in Vietnam (the loader dates the PAR tasks' completion by it): a request reads both, one
// cheap query, and finds only what is still true. Entries of an older generation or day are
// dropped as soon as a request sees a newer one.
//
// Bounds (by count, the least recently used go first): 4 datasets, 8 evaluations (full or a
// unit's view; each holds its dataset), 256 JSON bodies (as written or gzip-compressed; most are
// pages of a few hundred KB, so the pages several users are reading fit) and at most 512 MiB of
// them — a province's whole evaluation (?limit=all) is about 120 MB of JSON, 10 MB compressed. Each
// value is made once however many requests ask for it together; the others wait (SingleFlightLru).

#include <atomic>
#include <compare>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "base/Date.h"
#include "eval/DataIndexes.h"
#include "model/Dataset.h"
#include "plan/LineageRules.h"
#include "web/app/SingleFlightLru.h"
#include "web/http/Response.h"

namespace thidua::web {

struct StoredEvaluation;

// The store's state as a request found it.
struct DataState {
    int64_t generation = 0;
    Date today;
    auto operator<=>(const DataState&) const = default;
};

// A plan's dataset: units, people and facts shared by every plan, with the registrations, events
// and dossiers of this plan (Store::load_dataset_for_plan).
struct DatasetKey {
    std::string plan_id;
    DataState state;
    auto operator<=>(const DatasetKey&) const = default;
};

// Everything evaluate() reads besides the dataset is in the store under the same generation (the
// plan's latest version, the council's decisions of the period) or named here.
struct EvaluationKey {
    std::string plan_id;
    std::string period;
    std::optional<HistoryRule> history;  // ?history=, none: the plan's own rule
    // Empty: every unit; else the don-vi user's unit, whose subtree the view keeps.
    std::string scope;
    DataState state;
    auto operator<=>(const EvaluationKey&) const = default;
};

// The evaluation endpoint's body: one page of it (CandidatePage::key(), the award, group, status,
// search and slice asked for), as written, or gzip-compressed for clients that take it.
struct BodyKey {
    EvaluationKey evaluation;
    std::string page;
    bool gzip = false;
    auto operator<=>(const BodyKey&) const = default;
};

// The evaluation endpoint's body and its entity tag (a hash of the JSON, so that two servers give
// the same tag for the same body; "-gz" added for the compressed one).
struct JsonBody {
    std::string bytes;
    std::string etag;
};

// How often each kind of value was made rather than found: what the tests and operators check.
struct EvaluationCacheCounters {
    uint64_t datasets_loaded = 0;
    uint64_t evaluations_run = 0;
    uint64_t bodies_written = 0;
};

// A dataset as loaded, and its lookups (people by unit and year, registrations…), built by the
// first evaluation that needs them and then shared by every evaluation of the dataset.
struct LoadedDataset {
    explicit LoadedDataset(Dataset loaded) : data(std::move(loaded)), indexes(data) {}
    LoadedDataset(const LoadedDataset&) = delete;
    LoadedDataset& operator=(const LoadedDataset&) = delete;

    Dataset data;
    DataIndexes indexes;  // reads `data`
};

class EvaluationCache {
public:
    using Datasets = SingleFlightLru<DatasetKey, LoadedDataset, Response>;
    using Evaluations = SingleFlightLru<EvaluationKey, StoredEvaluation, Response>;
    using Bodies = SingleFlightLru<BodyKey, JsonBody, Response>;

    EvaluationCache();

    // Drops every value made for an older generation or another day than `now`: no request can
    // ask for them again once one has seen `now` (the generation only grows).
    void seen(const DataState& now);

    Datasets& datasets() { return m_datasets; }
    Evaluations& evaluations() { return m_evaluations; }
    Bodies& bodies() { return m_bodies; }

    // Called by whoever makes a value, for the counters.
    void dataset_loaded() { ++m_datasets_loaded; }
    void evaluation_run() { ++m_evaluations_run; }
    void body_written() { ++m_bodies_written; }
    EvaluationCacheCounters counters() const;

private:
    Datasets m_datasets;
    Evaluations m_evaluations;
    Bodies m_bodies;
    std::mutex m_mutex;
    std::optional<DataState> m_latest;  // the newest state a request has seen
    std::atomic<uint64_t> m_datasets_loaded{0};
    std::atomic<uint64_t> m_evaluations_run{0};
    std::atomic<uint64_t> m_bodies_written{0};
};

}  // namespace thidua::web
