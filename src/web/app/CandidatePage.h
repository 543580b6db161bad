#pragma once
// The evaluation endpoint's page of candidates: ?award=&group=&status=&q=&offset=&limit=. A
// province lists tens of thousands of people, each with every criterion's evidence in words (a
// whole document is over 100 MB), so the API answers one page of each group by default and the
// page asks for more.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "eval/Evaluation.h"
#include "present/JsonReport.h"
#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

struct CandidatePage {
    static constexpr size_t kDefaultLimit = 50;
    static constexpr size_t kMaxLimit = 1000;

    std::string award;             // empty: every award
    std::string group;             // empty: every group
    std::optional<Status> status;  // none: every status
    std::string query;             // fold()ed search text; empty: no search
    size_t offset = 0;
    std::optional<size_t> limit = kDefaultLimit;  // none: every matching candidate (?limit=all)

    // The parameters in one canonical string: what the body cache tells pages apart by.
    std::string key() const;
};

// The page a request asks for; 400 in the API's error shape for a bad status, offset or limit.
// Absent or empty parameters take their defaults.
tl::expected<CandidatePage, Response> candidate_page_param(const Request& request);

// Which awards, groups and candidates the page lists; 404 for an award or group the evaluation
// (as the caller sees it) does not have. Filtering reads each candidate's status and folds its id
// and name; nothing outside the page is serialized.
tl::expected<std::vector<AwardPage>, Response> select_page(const EvaluationResult& result,
                                                           const CandidatePage& page);

}  // namespace thidua::web
