#include "model/IdIndex.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace thidua {

uint32_t IdIndex::hash_of(std::string_view id) {
    const size_t h = std::hash<std::string_view>{}(id);
    return static_cast<uint32_t>(h ^ (h >> 32));
}

void IdIndex::reserve(size_t count) {
    if (m_slots.size() < 2 * count) rehash(std::bit_ceil(2 * count));
}

void IdIndex::clear() {
    m_slots.clear();
    m_size = 0;
}

// The stored hashes place the rows again: the ids are not read.
void IdIndex::rehash(size_t slots) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slots, Slot{});
    const size_t mask = slots - 1;
    for (const Slot& s : old) {
        if (s.row == kNoIndex) continue;
        size_t at = s.hash & mask;
        while (m_slots[at].row != kNoIndex)
            at = (at + 1) & mask;
        m_slots[at] = s;
    }
}

Index IdIndex::insert(const std::vector<std::string>& ids, Index row) {
    return insert_hashed(ids, row, hash_of(ids[static_cast<size_t>(row)]));
}

void IdIndex::prefetch(uint32_t hash) const {
    if (!m_slots.empty()) __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)], 1);
}

void IdIndex::grow() {
    rehash(std::max<size_t>(16, 2 * m_slots.size()));
}

Index IdIndex::insert_hashed(const std::vector<std::string>& ids, Index row, uint32_t hash) {
    return insert_hashed_with(
        [&](Index r) -> std::string_view { return ids[static_cast<size_t>(r)]; }, row, hash);
}

Index IdIndex::find(const std::vector<std::string>& ids, std::string_view id) const {
    if (m_size == 0) return kNoIndex;
    const uint32_t hash = hash_of(id);
    const size_t mask = m_slots.size() - 1;
    for (size_t at = hash & mask; m_slots[at].row != kNoIndex; at = (at + 1) & mask) {
        const Slot& s = m_slots[at];
        const auto row = static_cast<size_t>(s.row);
        if (s.hash == hash && row < ids.size() && ids[row] == id) return s.row;
    }
    return kNoIndex;
}

}  // namespace thidua
