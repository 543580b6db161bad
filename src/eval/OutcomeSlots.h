#pragma once
// The outcomes of one group's candidates, by position, while the group is decided. Traced, every
// outcome is kept whole. Untraced (summaries over millions of people), an ineligible candidate
// is only an empty slot: its outcome would say nothing but its status, and 2.5 million of them
// were 160 MB to construct, write, put in order and free in every national evaluation.

#include <memory>
#include <vector>

#include "eval/Evaluation.h"

namespace thidua {

class OutcomeSlots {
public:
    // `count` slots, none decided. `keep_ineligible`: the evaluation is traced.
    void reset(size_t count, bool keep_ineligible);

    size_t size() const { return m_count; }
    // The outcome stored at `pos`. An ineligible one that was not kept reads as a shared outcome
    // holding that status alone (no subject, criteria or lineage).
    const CandidateOutcome& at(size_t pos) const;
    // Whether `pos` holds its own outcome (always, traced; untraced, unless it is ineligible).
    bool kept(size_t pos) const { return m_keep_all || m_kept[pos] != nullptr; }
    // A kept outcome, to be ranked or chosen by the council.
    CandidateOutcome& mutable_at(size_t pos);
    // Slots of different positions may be stored from different threads.
    void store(size_t pos, CandidateOutcome&& outcome);
    // The kept outcomes in `order` (positions), moved out; traced, `order` must name every slot.
    std::vector<CandidateOutcome> take(std::vector<int>& order);

private:
    size_t m_count = 0;
    bool m_keep_all = true;
    std::vector<CandidateOutcome> m_all;                    // traced
    std::vector<std::unique_ptr<CandidateOutcome>> m_kept;  // untraced: null when ineligible
};

}  // namespace thidua
