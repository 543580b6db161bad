#pragma once
// Where each id of a column of ids is: the row of people.csv that holds a person id, for
// millions of people. An open-addressing table of (hash, row) pairs; the ids themselves stay in
// the column, which every call names, so a copied dataset's index is right for the copy.
//
// Written here because std::unordered_map<std::string, Index> costs a node, a string and a
// malloc per id: on national data (2.5 M people) filling it was a serial 0.6 s of reading
// people.csv and 180 MB, against 40 ms and 32 MB for this table. No library packaged for Debian
// 12 that the project uses has a flat hash map (Boost 1.74 predates unordered_flat_map).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/Index.h"

namespace thidua {

class IdIndex {
public:
    // Room for `count` ids without growing.
    void reserve(size_t count);
    // Records that row `row` of `ids` holds ids[row]. Returns kNoIndex, or the row that already
    // holds the same id (then nothing is recorded).
    Index insert(const std::vector<std::string>& ids, Index row);
    // insert() with the id's hash_of() computed beforehand: people.csv's parts hash their ids
    // on their own threads, and only the placing is left to the one thread that adds them.
    Index insert_hashed(const std::vector<std::string>& ids, Index row, uint32_t hash);
    // The same with the ids read through `id_of(row)`, for ids not yet in their column:
    // people.csv's rows are indexed from the parts that read them while the column is filled.
    template <typename IdOf>
    Index insert_hashed_with(IdOf&& id_of, Index row, uint32_t hash) {
        if (2 * (m_size + 1) > m_slots.size()) grow();
        const std::string_view id = id_of(row);
        const size_t mask = m_slots.size() - 1;
        size_t at = hash & mask;
        // Linear probing: at most half full, so runs stay short.
        while (m_slots[at].row != kNoIndex) {
            const Slot& s = m_slots[at];
            if (s.hash == hash && id_of(s.row) == id) return s.row;
            at = (at + 1) & mask;
        }
        m_slots[at] = {hash, row};
        ++m_size;
        return kNoIndex;
    }
    // Starts loading the slot a hash probes first. Inserting millions of ids misses the cache
    // on nearly every one; asked a few ids ahead, the misses overlap instead of adding up.
    void prefetch(uint32_t hash) const;
    // The row of `ids` holding `id`, or kNoIndex.
    Index find(const std::vector<std::string>& ids, std::string_view id) const;

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void clear();

    static uint32_t hash_of(std::string_view id);

private:
    struct Slot {
        uint32_t hash = 0;
        Index row = kNoIndex;  // kNoIndex: empty
    };
    void rehash(size_t slots);
    void grow();

    std::vector<Slot> m_slots;  // a power of two, at most half full
    size_t m_size = 0;
};

}  // namespace thidua
