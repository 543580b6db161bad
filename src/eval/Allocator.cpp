#include "eval/Allocator.h"

#include <algorithm>
#include <map>

namespace thidua {
namespace {

struct Fill {
    std::vector<int> selected, tied;
    int open = 0;
};

bool same_keys(const Entrant& a, const Entrant& b) {
    return a.keys == b.keys;
}

// `order` is sorted best first. Walks tie classes until the seats run out.
Fill fill(const std::vector<Entrant>& e, const std::vector<int>& order, std::optional<int> seats) {
    Fill out;
    int remaining = seats.value_or(static_cast<int>(order.size()));
    size_t i = 0;
    while (i < order.size() && remaining > 0) {
        size_t j = i + 1;
        while (j < order.size() && same_keys(e[order[i]], e[order[j]]))
            ++j;
        std::vector<int> cls(order.begin() + static_cast<long>(i),
                             order.begin() + static_cast<long>(j));
        i = j;
        if (static_cast<int>(cls.size()) <= remaining) {
            out.selected.insert(out.selected.end(), cls.begin(), cls.end());
            remaining -= static_cast<int>(cls.size());
            continue;
        }
        const bool known = std::all_of(
            cls.begin(), cls.end(), [&](int k) { return e[k].preference != expr::Tri::Unknown; });
        if (known) {
            std::vector<int> preferred, others;
            for (int k : cls)
                (e[k].preference == expr::Tri::True ? preferred : others).push_back(k);
            if (static_cast<int>(preferred.size()) <= remaining) {
                out.selected.insert(out.selected.end(), preferred.begin(), preferred.end());
                remaining -= static_cast<int>(preferred.size());
                cls = others;
            } else {
                cls = preferred;
            }
        }
        if (remaining > 0 && !cls.empty()) {
            out.tied = cls;
            out.open = remaining;
        }
        break;
    }
    return out;
}

}  // namespace

Allocation allocate(const std::vector<Entrant>& e, std::optional<int> quota,
                    std::optional<int> cap) {
    const size_t n = e.size();
    Allocation a;
    a.selected.assign(n, false);
    a.tied.assign(n, false);
    a.capped_out.assign(n, false);
    std::vector<int> order(n);
    for (size_t k = 0; k < n; ++k)
        order[k] = static_cast<int>(k);
    // Equal candidates keep the order they were given in: the preference only matters where a
    // class crosses the last seat, and fill() applies it there.
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return e[x].keys > e[y].keys; });

    std::vector<int> survivors = order;
    if (cap) {
        std::map<Index, std::vector<int>> by_partition;
        for (int k : order)
            by_partition[e[k].partition].push_back(k);
        std::vector<bool> keep(n, false);
        for (auto& [unit, members] : by_partition) {
            Fill f = fill(e, members, cap);
            for (int k : f.selected)
                keep[k] = true;
            for (int k : f.tied)
                a.tied[k] = true;
            for (int k : members)
                if (!keep[k] && !a.tied[k]) a.capped_out[k] = true;
            a.open_seats += f.open;
        }
        survivors.clear();
        for (int k : order)
            if (keep[k]) survivors.push_back(k);
    }
    Fill f = fill(e, survivors, quota);
    for (int k : f.selected)
        a.selected[k] = true;
    for (int k : f.tied)
        a.tied[k] = true;
    a.open_seats += f.open;
    // Within a class of equals, list the selected first, then the tied, then the rest; and where
    // the preference is known for the whole class, women (or mostly-women units) go first.
    std::vector<int> women_last(n, 0);
    for (size_t i = 0; i < order.size();) {
        size_t j = i + 1;
        while (j < order.size() && same_keys(e[order[i]], e[order[j]]))
            ++j;
        const bool known =
            std::all_of(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j),
                        [&](int k) { return e[k].preference != expr::Tri::Unknown; });
        for (size_t m = i; known && m < j; ++m)
            women_last[order[m]] = e[order[m]].preference == expr::Tri::True ? 0 : 1;
        i = j;
    }
    auto standing = [&](int k) { return a.selected[k] ? 0 : (a.tied[k] ? 1 : 2); };
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        if (e[x].keys != e[y].keys) return e[x].keys > e[y].keys;
        if (standing(x) != standing(y)) return standing(x) < standing(y);
        return women_last[x] < women_last[y];
    });
    a.order = std::move(order);
    return a;
}

std::vector<int> competition_ranks(const std::vector<Entrant>& e, const std::vector<int>& order) {
    std::vector<int> ranks(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        ranks[i] = (i > 0 && e[order[i]].keys == e[order[i - 1]].keys) ? ranks[i - 1]
                                                                       : static_cast<int>(i) + 1;
    return ranks;
}

}  // namespace thidua
