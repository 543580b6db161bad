#pragma once
// Puts a large vector in a given order where it is, without a second copy: an individual award's
// millions of candidate outcomes would otherwise double the peak memory when they are put in
// output order. Written by hand: the standard library has no in-place permutation.

#include <cstddef>
#include <utility>
#include <vector>

namespace thidua {

namespace permute_detail {

template <typename T>
void follow_cycles(std::vector<T>& items, std::vector<int>& order) {
    for (size_t k = 0; k < order.size(); ++k) {
        size_t at = k;
        while (order[at] >= 0 && static_cast<size_t>(order[at]) != k) {
            const auto from = static_cast<size_t>(order[at]);
            std::swap(items[at], items[from]);
            order[at] = -1;
            at = from;
        }
        order[at] = -1;
    }
}

}  // namespace permute_detail

// items[k] becomes what was at items[order[k]]; `order` (a permutation of 0..n-1) is used up.
//
// Output orders here are a few ranked candidates followed by everyone else in their original
// order: that tail is moved right in one sequential pass (each element goes to an index no
// smaller than its own), the head through a small buffer. Other orders follow the cycles of the
// permutation, which touches memory at random.
template <typename T>
void permute_in_place(std::vector<T>& items, std::vector<int>& order) {
    size_t tail = order.size();
    while (tail > 0 && (tail == order.size() || order[tail - 1] < order[tail]))
        --tail;
    const size_t head = tail;  // order[head..] is increasing
    if (head > items.size() / 4) {
        permute_detail::follow_cycles(items, order);
        return;
    }
    std::vector<T> front;
    front.reserve(head);
    for (size_t k = 0; k < head; ++k)
        front.push_back(std::move(items[static_cast<size_t>(order[k])]));
    // The j-th element of the tail is the j-th smallest position not in the head, so it moves
    // to head + j >= its own position: done from the end, nothing is overwritten before it moves.
    for (size_t k = order.size(); k-- > head;) {
        const auto from = static_cast<size_t>(order[k]);
        if (from != k) items[k] = std::move(items[from]);
    }
    for (size_t k = 0; k < head; ++k)
        items[k] = std::move(front[k]);
    order.clear();
}

}  // namespace thidua
