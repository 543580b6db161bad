#pragma once
// Store connections for the worker threads: a request borrows one and gives it back. Connections
// are opened on demand and kept; one that failed a call is dropped rather than reused, since its
// session state (an aborted transaction) is unknown.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "store/Store.h"

namespace thidua::web {

class StorePool {
public:
    explicit StorePool(std::string url) : m_url(std::move(url)) {}

    class Lease {
    public:
        Lease(StorePool& pool, std::unique_ptr<Store> store)
            : m_pool(&pool), m_store(std::move(store)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = default;
        ~Lease();
        Store& operator*() { return *m_store; }
        Store* operator->() { return m_store.get(); }
        // The connection is not returned to the pool.
        void discard() { m_store.reset(); }

    private:
        StorePool* m_pool;
        std::unique_ptr<Store> m_store;
    };

    tl::expected<Lease, StoreError> acquire();
    const std::string& url() const { return m_url; }

private:
    void give_back(std::unique_ptr<Store> store);

    std::string m_url;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Store>> m_idle;
};

}  // namespace thidua::web
