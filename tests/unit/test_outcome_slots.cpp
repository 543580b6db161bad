#include "eval/OutcomeSlots.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace thidua {
namespace {

CandidateOutcome outcome(Index person, Status status) {
    CandidateOutcome o;
    o.subject = {SubjectKind::Person, person};
    o.status = status;
    return o;
}

void fill(OutcomeSlots& slots) {
    slots.store(0, outcome(10, Status::Ineligible));
    slots.store(1, outcome(11, Status::Eligible));
    slots.store(2, outcome(12, Status::Incomplete));
    slots.store(3, outcome(13, Status::Ineligible));
}

TEST(OutcomeSlots, TracedKeepsEveryOutcomeAndTakesThemAllInOrder) {
    OutcomeSlots slots;
    slots.reset(4, true);
    fill(slots);
    for (size_t pos = 0; pos < 4; ++pos) {
        EXPECT_TRUE(slots.kept(pos));
        EXPECT_EQ(slots.at(pos).subject.index, static_cast<Index>(10 + pos));
    }
    std::vector<int> order{1, 2, 0, 3};
    const std::vector<CandidateOutcome> taken = slots.take(order);
    ASSERT_EQ(taken.size(), 4u);
    EXPECT_EQ(taken[0].subject.index, 11);
    EXPECT_EQ(taken[2].subject.index, 10);
    std::vector<int> short_order{1};
    slots.reset(2, true);
    EXPECT_THROW(slots.take(short_order), std::logic_error);
}

TEST(OutcomeSlots, UntracedKeepsOnlyWhatIsNotIneligible) {
    OutcomeSlots slots;
    slots.reset(4, false);
    fill(slots);
    EXPECT_FALSE(slots.kept(0));
    EXPECT_TRUE(slots.kept(1));
    EXPECT_TRUE(slots.kept(2));
    EXPECT_FALSE(slots.kept(3));
    // An ineligible slot still answers its status, and nothing else.
    EXPECT_EQ(slots.at(0).status, Status::Ineligible);
    EXPECT_FALSE(slots.at(0).selected);
    EXPECT_EQ(slots.at(0).subject.index, kNoIndex);
    EXPECT_THROW(slots.mutable_at(3), std::logic_error);
    slots.mutable_at(1).selected = true;
    std::vector<int> order{2, 1};
    const std::vector<CandidateOutcome> taken = slots.take(order);
    ASSERT_EQ(taken.size(), 2u);
    EXPECT_EQ(taken[0].subject.index, 12);
    EXPECT_EQ(taken[1].subject.index, 11);
    EXPECT_TRUE(taken[1].selected);
}

}  // namespace
}  // namespace thidua
