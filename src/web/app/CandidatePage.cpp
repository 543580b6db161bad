#include "web/app/CandidatePage.h"

#include <charconv>
#include <cstdint>

#include <fmt/format.h>

#include "base/Text.h"
#include "present/Explain.h"
#include "web/http/HttpText.h"

namespace thidua::web {
namespace {

Response bad_request(std::string message) {
    return Response::error(400, "bad_request", std::move(message));
}

// Digits only: "+1", "-0", "1e3" and blanks are refused, not guessed at.
std::optional<size_t> parse_count(std::string_view text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

bool found_in(const std::string& folded_query, std::string_view text) {
    return fold(text).find(folded_query) != std::string::npos;
}

}  // namespace

std::string CandidatePage::key() const {
    // Lengths first: award, group and query are the caller's text and may hold any separator.
    return fmt::format("{}:{}|{}:{}|{}|{}:{}|{}|{}", award.size(), award, group.size(), group,
                       status ? status_id(*status) : "", query.size(), query, offset,
                       limit ? std::to_string(*limit) : "all");
}

tl::expected<CandidatePage, Response> candidate_page_param(const Request& request) {
    CandidatePage page;
    page.award = request.query_param("award").value_or("");
    page.group = request.query_param("group").value_or("");
    if (const std::string s = request.query_param("status").value_or(""); !s.empty()) {
        if (s == status_id(Status::Eligible))
            page.status = Status::Eligible;
        else if (s == status_id(Status::Ineligible))
            page.status = Status::Ineligible;
        else if (s == status_id(Status::Incomplete))
            page.status = Status::Incomplete;
        else
            return tl::unexpected(bad_request(fmt::format(
                "Tình trạng '{}' không hợp lệ (chọn eligible, ineligible hoặc incomplete)", s)));
    }
    page.query = fold(trim_ows(request.query_param("q").value_or("")));
    if (const std::string s = request.query_param("offset").value_or(""); !s.empty()) {
        const auto offset = parse_count(s);
        if (!offset)
            return tl::unexpected(bad_request(
                fmt::format("Vị trí bắt đầu offset='{}' không hợp lệ (một số nguyên từ 0)", s)));
        page.offset = *offset;
    }
    if (const std::string s = request.query_param("limit").value_or(""); !s.empty()) {
        if (s == "all") {
            page.limit.reset();
        } else {
            const auto limit = parse_count(s);
            if (!limit || *limit == 0 || *limit > CandidatePage::kMaxLimit)
                return tl::unexpected(bad_request(
                    fmt::format("Số ứng viên mỗi trang limit='{}' không hợp lệ (từ 1 đến {}, "
                                "hoặc all để lấy tất cả)",
                                s, CandidatePage::kMaxLimit)));
            page.limit = *limit;
        }
    }
    return page;
}

tl::expected<std::vector<AwardPage>, Response> select_page(const EvaluationResult& r,
                                                           const CandidatePage& page) {
    const Dataset& data = *r.data;
    std::vector<AwardPage> out;
    bool award_found = page.award.empty();
    bool group_found = page.group.empty();
    for (size_t a = 0; a < r.awards.size(); ++a) {
        const AwardOutcome& award = r.awards[a];
        if (!page.award.empty() && award.award->spec->id != page.award) continue;
        award_found = true;
        AwardPage ap;
        ap.award = a;
        for (size_t g = 0; g < award.groups.size(); ++g) {
            const GroupOutcome& group = award.groups[g];
            if (!page.group.empty() && group.group->id != page.group) continue;
            group_found = true;
            GroupPage gp;
            gp.group = g;
            gp.offset = page.offset;
            gp.limit = page.limit;
            const size_t end = page.limit ? page.offset + *page.limit : SIZE_MAX;
            for (size_t i = 0; i < group.candidates.size(); ++i) {
                const CandidateOutcome& c = group.candidates[i];
                if (page.status && c.status != *page.status) continue;
                if (!page.query.empty() && !found_in(page.query, subject_id(data, c.subject)) &&
                    !found_in(page.query, subject_name(data, c.subject)))
                    continue;
                if (gp.total >= page.offset && gp.total < end) gp.shown.push_back(i);
                ++gp.total;
            }
            ap.groups.push_back(std::move(gp));
        }
        // A group asked for by name leaves out the awards that do not have it.
        if (page.group.empty() || !ap.groups.empty()) out.push_back(std::move(ap));
    }
    if (!award_found)
        return tl::unexpected(
            Response::error(404, "not_found",
                            fmt::format("Không có danh hiệu '{}' trong kết quả xét kỳ {}",
                                        page.award, r.period.id)));
    if (!group_found)
        return tl::unexpected(Response::error(
            404, "not_found",
            fmt::format("Không có nhóm '{}'{} trong kết quả xét kỳ {}", page.group,
                        page.award.empty() ? "" : fmt::format(" của danh hiệu '{}'", page.award),
                        r.period.id)));
    return out;
}

}  // namespace thidua::web
