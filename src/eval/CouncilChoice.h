#pragma once
// A council decision as recorded (ids and text only), kept apart from Evaluation.h so that the
// store can hold one without the engine's types.

#include <string>
#include <vector>

namespace thidua {

// The council's decision on one group's selection: who is chosen (the whole selection), the
// vote and the minutes it rests on, and a reason when it departs from the ranking. Recorded by a
// hoi-dong user; given to evaluate() so that everything downstream (awards that read this one's
// selection, dossiers, documents) follows it.
struct CouncilChoice {
    std::string award;                // award id
    std::string group;                // award group id ("so-ban-nganh", "ca-nhan")
    std::vector<std::string> chosen;  // subject ids
    std::string votes;                // "7/9 đồng ý"
    std::string minutes_number, minutes_date;
    std::string reason;  // required when the choice departs from the ranking
    std::string decided_by, decided_at;
};

}  // namespace thidua
