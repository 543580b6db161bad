#include "web/http/WorkerPool.h"

#include <algorithm>

namespace thidua::web {

WorkerPool::WorkerPool(int threads) {
    const int count = std::max(threads, 1);
    for (int i = 0; i < count; ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    stop();
}

void WorkerPool::submit(std::function<void()> job) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        m_jobs.push_back(std::move(job));
    }
    m_ready.notify_one();
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (std::thread& thread : m_threads)
        if (thread.joinable()) thread.join();
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        // A job reports its own errors; one that still throws must not end the thread.
        try {
            job();
        } catch (...) {
        }
    }
}

}  // namespace thidua::web
