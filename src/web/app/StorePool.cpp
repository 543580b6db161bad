#include "web/app/StorePool.h"

namespace thidua::web {

StorePool::Lease::~Lease() {
    if (m_store && m_pool) m_pool->give_back(std::move(m_store));
}

tl::expected<StorePool::Lease, StoreError> StorePool::acquire() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto store = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(store));
        }
    }
    auto opened = open_store(m_url);
    if (!opened) return tl::unexpected(opened.error());
    return Lease(*this, std::move(*opened));
}

void StorePool::give_back(std::unique_ptr<Store> store) {
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(store));
}

}  // namespace thidua::web
