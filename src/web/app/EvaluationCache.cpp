#include "web/app/EvaluationCache.h"

#include "web/app/StoredEvaluation.h"

namespace thidua::web {

EvaluationCache::EvaluationCache()
    : m_datasets(4),
      m_evaluations(8),
      m_bodies(256, size_t{512} << 20, [](const JsonBody& b) { return b.bytes.size(); }) {}

void EvaluationCache::seen(const DataState& now) {
    {
        std::lock_guard lock(m_mutex);
        // A request that read the state before another one saw a newer state changes nothing.
        if (m_latest && now <= *m_latest) return;
        m_latest = now;
    }
    m_datasets.keep_only([&](const DatasetKey& k) { return k.state == now; });
    m_evaluations.keep_only([&](const EvaluationKey& k) { return k.state == now; });
    m_bodies.keep_only([&](const BodyKey& k) { return k.evaluation.state == now; });
}

EvaluationCacheCounters EvaluationCache::counters() const {
    return {m_datasets_loaded.load(), m_evaluations_run.load(), m_bodies_written.load()};
}

}  // namespace thidua::web
