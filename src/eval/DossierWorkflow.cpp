#include "eval/DossierWorkflow.h"

#include <array>

#include <fmt/format.h>

namespace thidua {
namespace {

struct StatusInfo {
    DossierStatus status;
    std::string_view id;
    std::string_view label;
};

constexpr std::array<StatusInfo, 6> kStatuses = {{
    {DossierStatus::Draft, "draft", "Đang soạn"},
    {DossierStatus::Submitted, "submitted", "Đã nộp"},
    {DossierStatus::Returned, "returned", "Bị trả lại"},
    {DossierStatus::Accepted, "accepted", "Đã tiếp nhận"},
    {DossierStatus::Proposed, "proposed", "Đã trình Hội đồng"},
    {DossierStatus::Decided, "decided", "Đã có quyết định"},
}};

// The path, edge by edge, with who may take each step.
struct Edge {
    DossierStatus from;
    DossierStatus to;
    bool unit;
    bool home_affairs;
    bool council;
};

constexpr std::array<Edge, 6> kEdges = {{
    {DossierStatus::Draft, DossierStatus::Submitted, true, true, false},
    {DossierStatus::Returned, DossierStatus::Submitted, true, true, false},
    {DossierStatus::Submitted, DossierStatus::Returned, false, true, false},
    {DossierStatus::Submitted, DossierStatus::Accepted, false, true, false},
    {DossierStatus::Accepted, DossierStatus::Proposed, false, true, false},
    {DossierStatus::Proposed, DossierStatus::Decided, false, true, true},
}};

bool actor_may(const Edge& e, DossierActor a) {
    switch (a) {
        case DossierActor::Unit:
            return e.unit;
        case DossierActor::HomeAffairs:
            return e.home_affairs;
        case DossierActor::Council:
            return e.council;
        case DossierActor::Reader:
            return false;
    }
    return false;
}

const Edge* find_edge(DossierStatus from, DossierStatus to) {
    for (const Edge& e : kEdges)
        if (e.from == from && e.to == to) return &e;
    return nullptr;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items)
        out += (out.empty() ? "" : "; ") + s;
    return out;
}

}  // namespace

std::string_view dossier_status_id(DossierStatus s) {
    return kStatuses[static_cast<size_t>(s)].id;
}

std::string_view dossier_status_label(DossierStatus s) {
    return kStatuses[static_cast<size_t>(s)].label;
}

std::optional<DossierStatus> parse_dossier_status(std::string_view id) {
    for (const StatusInfo& s : kStatuses)
        if (s.id == id) return s.status;
    return std::nullopt;
}

bool dossier_uploads_open(DossierStatus s) {
    return s == DossierStatus::Draft || s == DossierStatus::Returned;
}

bool may_change_uploads(DossierActor actor, DossierStatus s) {
    return dossier_uploads_open(s) &&
           (actor == DossierActor::Unit || actor == DossierActor::HomeAffairs);
}

std::vector<DossierStatus> dossier_next_statuses(DossierStatus from, DossierActor actor) {
    std::vector<DossierStatus> out;
    for (const Edge& e : kEdges)
        if (e.from == from && actor_may(e, actor)) out.push_back(e.to);
    return out;
}

std::optional<DossierRefusal> check_dossier_transition(const DossierTransition& t) {
    const Edge* edge = find_edge(t.from, t.to);
    if (edge == nullptr)
        return DossierRefusal{409,
                              "illegal_transition",
                              fmt::format("Không chuyển được hồ sơ từ “{}” sang “{}”",
                                          dossier_status_label(t.from), dossier_status_label(t.to)),
                              {}};
    if (!actor_may(*edge, t.actor))
        return DossierRefusal{
            403,
            "forbidden",
            fmt::format("Vai trò của bạn không chuyển hồ sơ sang “{}”", dossier_status_label(t.to)),
            {}};
    if (t.to == DossierStatus::Returned && t.reason.empty())
        return DossierRefusal{400, "reason_required", "Trả lại hồ sơ phải ghi lý do", {}};
    if (t.to == DossierStatus::Decided && (t.decision_number.empty() || !t.decision_date))
        return DossierRefusal{
            400, "decision_required", "Cần số và ngày (YYYY-MM-DD) của quyết định khen thưởng", {}};
    if ((t.to == DossierStatus::Submitted || t.to == DossierStatus::Accepted) && !t.missing.empty())
        return DossierRefusal{409, "incomplete",
                              fmt::format("Hồ sơ còn thiếu: {}", join(t.missing)), t.missing};
    return std::nullopt;
}

DossierState dossier_state(const DossierOutcome& imported,
                           const std::map<std::string, int>& uploads,
                           std::optional<Date> submitted_on, Date today) {
    DossierState out;
    out.complete = true;
    bool imported_complete = true;
    bool imported_late = false;
    for (const DocumentOutcome& d : imported.documents) {
        DossierDocumentState s;
        s.document = d.document;
        s.required = d.required;
        s.imported = d.submitted;
        s.imported_late = d.late;
        if (const auto it = uploads.find(d.document->id); it != uploads.end())
            s.uploads = it->second;
        if (!s.present()) {
            out.complete = false;
            out.missing.push_back(d.document->id);
        }
        imported_complete &= s.required > 0 && s.imported >= s.required;
        imported_late |= d.late;
        out.documents.push_back(s);
    }
    const auto& due = imported.due;
    if (!due)
        out.late = false;  // the plan sets no date (or its event has not happened)
    else if (submitted_on)
        out.late = *submitted_on > *due;
    else if (imported_complete && !imported.documents.empty())
        out.late = imported_late;
    else
        out.late = today > *due;
    return out;
}

}  // namespace thidua
