#pragma once
// A small cache of immutable values by key, shared by the server's worker threads: the value of
// a key is made once however many requests ask for it at the same time (the others wait for it
// rather than making it again), and only the most recently used ones are kept, up to a count and
// an optional size in bytes. A failed making is handed to the requests that waited for it and is
// not kept: the next request tries again.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include <tl/expected.hpp>

namespace thidua::web {

template <class Key, class Value, class Error>
class SingleFlightLru {
public:
    using Shared = std::shared_ptr<const Value>;
    using Made = tl::expected<Shared, Error>;
    using Size = std::function<size_t(const Value&)>;

    // How a get() was served.
    enum class Source {
        Kept,    // the value was already there
        Waited,  // another request was making it; this one waited for it
        Made,    // made here (or failed here)
    };

    // At most `max_entries` values; with `size_of`, also at most `max_bytes` in total (one value
    // larger than that is still handed out, just not kept).
    explicit SingleFlightLru(size_t max_entries,
                             size_t max_bytes = std::numeric_limits<size_t>::max(),
                             Size size_of = {})
        : m_max_entries(max_entries), m_max_bytes(max_bytes), m_size_of(std::move(size_of)) {}

    // The value of `key`: kept, being made by another thread, or made now by `make` (a callable
    // returning Made), which runs without the lock held.
    template <class Make>
    Made get(const Key& key, Make&& make, Source* source = nullptr) {
        std::unique_lock lock(m_mutex);
        if (auto it = m_slots.find(key); it != m_slots.end()) {
            it->second.used = ++m_clock;
            std::shared_future<Made> pending = it->second.value;
            const bool ready = it->second.ready;
            lock.unlock();
            if (source) *source = ready ? Source::Kept : Source::Waited;
            return pending.get();
        }
        std::promise<Made> promise;
        m_slots.emplace(key, Slot{promise.get_future().share(), ++m_clock, false, 0});
        lock.unlock();
        if (source) *source = Source::Made;
        Made made;
        try {
            made = make();
        } catch (...) {
            lock.lock();
            m_slots.erase(key);
            lock.unlock();
            promise.set_exception(std::current_exception());
            throw;
        }
        lock.lock();
        if (auto it = m_slots.find(key); it != m_slots.end()) {
            if (made) {
                it->second.ready = true;
                it->second.bytes = m_size_of ? m_size_of(**made) : 0;
                m_bytes += it->second.bytes;
                trim();
            } else {
                m_slots.erase(it);
            }
        }
        lock.unlock();
        promise.set_value(made);
        return made;
    }

    // Forgets the kept values whose key fails `keep` (values that can no longer be asked for);
    // values being made stay until they are done.
    void keep_only(const std::function<bool(const Key&)>& keep) {
        std::lock_guard lock(m_mutex);
        for (auto it = m_slots.begin(); it != m_slots.end();) {
            if (it->second.ready && !keep(it->first)) {
                m_bytes -= it->second.bytes;
                it = m_slots.erase(it);
            } else {
                ++it;
            }
        }
    }

    // Values kept or being made.
    size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_slots.size();
    }

private:
    struct Slot {
        std::shared_future<Made> value;
        uint64_t used = 0;  // m_clock when last asked for
        bool ready = false;
        size_t bytes = 0;
    };

    // Drops the least recently used kept values until the limits hold. Values being made are
    // never dropped: requests wait on them, and dropping one would let a second making start.
    void trim() {
        for (;;) {
            size_t ready = 0;
            auto oldest = m_slots.end();
            for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
                if (!it->second.ready) continue;
                ++ready;
                if (oldest == m_slots.end() || it->second.used < oldest->second.used) oldest = it;
            }
            if (oldest == m_slots.end() || (ready <= m_max_entries && m_bytes <= m_max_bytes))
                return;
            m_bytes -= oldest->second.bytes;
            m_slots.erase(oldest);
        }
    }

    const size_t m_max_entries;
    const size_t m_max_bytes;
    const Size m_size_of;
    mutable std::mutex m_mutex;
    std::map<Key, Slot> m_slots;
    uint64_t m_clock = 0;
    size_t m_bytes = 0;
};

}  // namespace thidua::web
