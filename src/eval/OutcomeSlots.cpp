#include "eval/OutcomeSlots.h"

#include <stdexcept>

#include "base/HugePages.h"
#include "base/PermuteInPlace.h"

namespace thidua {
namespace {

const CandidateOutcome& ineligible_outcome() {
    static const CandidateOutcome outcome = [] {
        CandidateOutcome o;
        o.status = Status::Ineligible;
        return o;
    }();
    return outcome;
}

}  // namespace

void OutcomeSlots::reset(size_t count, bool keep_ineligible) {
    m_count = count;
    m_keep_all = keep_ineligible;
    m_all.clear();
    m_kept.clear();
    if (m_keep_all) {
        reserve_huge(m_all, count);
        m_all.resize(count);
    } else {
        reserve_huge(m_kept, count);
        m_kept.resize(count);
    }
}

const CandidateOutcome& OutcomeSlots::at(size_t pos) const {
    if (m_keep_all) return m_all[pos];
    return m_kept[pos] ? *m_kept[pos] : ineligible_outcome();
}

CandidateOutcome& OutcomeSlots::mutable_at(size_t pos) {
    if (m_keep_all) return m_all[pos];
    if (!m_kept[pos]) throw std::logic_error("evaluation: an ineligible outcome was not kept");
    return *m_kept[pos];
}

void OutcomeSlots::store(size_t pos, CandidateOutcome&& outcome) {
    if (m_keep_all) {
        m_all[pos] = std::move(outcome);
    } else if (outcome.status != Status::Ineligible) {
        m_kept[pos] = std::make_unique<CandidateOutcome>(std::move(outcome));
    }
}

std::vector<CandidateOutcome> OutcomeSlots::take(std::vector<int>& order) {
    if (m_keep_all) {
        // In place: a second vector of millions of outcomes would double the peak memory.
        if (order.size() != m_all.size())
            throw std::logic_error("evaluation: the output order misses candidates");
        permute_in_place(m_all, order);
        return std::move(m_all);
    }
    std::vector<CandidateOutcome> out;
    out.reserve(order.size());
    for (int pos : order)
        out.push_back(std::move(mutable_at(static_cast<size_t>(pos))));
    return out;
}

}  // namespace thidua
