// The award dossiers of a plan's period (issue 6, item 4). Every selected candidate has one, a
// draft until someone acts on it; `{award}/{subject}` names it (the subject is a unit id for a
// collective award, a person id for an individual one). `?period=` on every route.
//   GET  /api/v1/plans/{id}/dossiers                        the board: status, due date,
//        completeness, missing documents, lateness, uploads (a don-vi user: their units')
//   GET  /api/v1/plans/{id}/dossiers/{award}/{subject}      one dossier: documents, uploads,
//        history with authors, the transitions the caller may make
//   POST …/{award}/{subject}/uploads?document=D             one file (multipart field `file`, or
//        the raw body with ?name=), checked by content; only in draft or returned
//   POST …/{award}/{subject}/uploads/{upload}/withdraw      {reason}: the upload stays, marked
//   POST …/{award}/{subject}/status                         {to, reason, decision_number,
//        decision_date}: a step of the status path (eval/DossierWorkflow)
// Its files are downloaded through the files resource (FileResource).
// A don-vi user acts only on their units' dossiers: any other is 404, as elsewhere.

#include <algorithm>

#include <fmt/format.h>

#include "base/Text.h"
#include "io/FileKind.h"
#include "present/Explain.h"
#include "store/Clock.h"
#include "web/app/DossierBoard.h"
#include "web/app/FileUpload.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/http/Multipart.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

DossierActor actor_of(const Principal& who) {
    switch (who.user.role) {
        case Role::DonVi:
            return DossierActor::Unit;
        case Role::NoiVu:
        case Role::QuanTri:
            return DossierActor::HomeAffairs;
        case Role::HoiDong:
            return DossierActor::Council;
        case Role::LanhDao:
            return DossierActor::Reader;
    }
    return DossierActor::Reader;
}

json status_json(DossierStatus s) {
    return {{"id", dossier_status_id(s)}, {"label", dossier_status_label(s)}};
}

json optional_date(const std::optional<Date>& d) {
    return d ? json(d->iso()) : json(nullptr);
}

json row_json(const DossierEntry& e, const Dataset& data) {
    const DossierOutcome& d = *e.outcome;
    const DossierProgress& p = e.progress;
    json missing = json::array();
    for (const DossierDocumentState& doc : p.state.documents)
        if (!doc.present())
            missing.push_back({{"document", doc.document->id}, {"name", doc.document->name}});
    const auto unit = data.unit_by_id.find(e.unit_id);
    return {{"award", d.award->spec->id},
            {"award_name", d.award->spec->name},
            {"group", d.group},
            {"subject_kind", e.subject_kind},
            {"subject_id", e.subject_id},
            {"name", subject_name(data, d.subject)},
            {"unit", e.unit_id.empty() ? json(nullptr) : json(e.unit_id)},
            {"unit_name",
             unit == data.unit_by_id.end() ? json(nullptr) : json(data.units[unit->second].name)},
            {"status", dossier_status_id(p.status)},
            {"status_label", dossier_status_label(p.status)},
            {"due", optional_date(d.due)},
            {"due_note", d.due_note},
            {"complete", p.state.complete},
            {"missing", missing},
            {"late", p.state.late},
            {"uploads", p.uploads},
            {"submitted_on", optional_date(p.submitted_on)},
            {"decision_number", p.decision_number},
            {"decision_date", p.decision_date}};
}

// The period's dossiers as the caller may see them (a don-vi user's restricted by
// evaluate_for), joined with the application's records.
struct Board {
    SharedEvaluation evaluation;
    std::vector<DossierRecord> records;
    std::vector<DossierEntry> entries;
};

tl::expected<std::unique_ptr<Board>, Response> load_board(WebApp& app, Request& r,
                                                          const Principal& who, Store& store) {
    auto evaluation =
        evaluate_for(app, store, who, r.param("id"), r.query_param("period").value_or(""));
    if (!evaluation) return tl::unexpected(std::move(evaluation.error()));
    auto board = std::make_unique<Board>();
    board->evaluation = std::move(*evaluation);
    auto records = store.dossier_records(r.param("id"), board->evaluation->result.period.id);
    if (!records) return tl::unexpected(store_failure(records.error()));
    board->records = std::move(*records);
    board->entries =
        dossier_entries(board->evaluation->result, board->records, store::vietnam_today());
    return board;
}

// The dossier named by the path, among those the caller may see: 404 otherwise.
tl::expected<const DossierEntry*, Response> find_entry(const Board& b, const Request& r) {
    const std::string award = r.param("award");
    const std::string subject = r.param("subject");
    for (const DossierEntry& e : b.entries)
        if (e.outcome->award->spec->id == award && e.subject_id == subject) return &e;
    return tl::unexpected(Response::error(
        404, "not_found",
        fmt::format("Không có hồ sơ {} của {} trong kỳ này (chỉ ứng viên được chọn có hồ sơ)",
                    award, subject)));
}

DossierKey key_of(const Board& b, const DossierEntry& e) {
    return {b.evaluation->plan.plan->spec.id, b.evaluation->result.period.id,
            e.outcome->award->spec->id, e.subject_kind, e.subject_id};
}

Response board(WebApp& app, Request& r, const Principal& who, Store& store) {
    auto b = load_board(app, r, who, store);
    if (!b) return std::move(b.error());
    const Board& board = **b;
    json rows = json::array();
    json counts = json::object();
    for (DossierStatus s :
         {DossierStatus::Draft, DossierStatus::Submitted, DossierStatus::Returned,
          DossierStatus::Accepted, DossierStatus::Proposed, DossierStatus::Decided})
        counts[std::string(dossier_status_id(s))] = 0;
    int complete = 0, late = 0;
    for (const DossierEntry& e : board.entries) {
        rows.push_back(row_json(e, *board.evaluation->data));
        counts[std::string(dossier_status_id(e.progress.status))] =
            counts[std::string(dossier_status_id(e.progress.status))].get<int>() + 1;
        complete += e.progress.state.complete ? 1 : 0;
        late += e.progress.state.late ? 1 : 0;
    }
    json statuses = json::array();
    for (DossierStatus s :
         {DossierStatus::Draft, DossierStatus::Submitted, DossierStatus::Returned,
          DossierStatus::Accepted, DossierStatus::Proposed, DossierStatus::Decided})
        statuses.push_back(status_json(s));
    return Response::json(200, {{"plan", board.evaluation->plan.plan->spec.id},
                                {"period", board.evaluation->result.period.id},
                                {"today", store::vietnam_today().iso()},
                                {"statuses", statuses},
                                {"totals",
                                 {{"dossiers", board.entries.size()},
                                  {"complete", complete},
                                  {"late", late},
                                  {"by_status", counts}}},
                                {"rows", rows}});
}

json upload_json(const DossierUpload& u) {
    return {{"id", u.id},
            {"document", u.document},
            {"file",
             {{"id", u.file.id},
              {"name", u.file.name},
              {"media_type", u.file.media_type},
              {"size", u.file.size},
              {"sha256", u.file.sha256},
              {"href", fmt::format("/api/v1/files/{}", u.file.id)}}},
            {"uploaded_by", u.uploaded_by},
            {"uploaded_at", u.uploaded_at},
            {"withdrawn", u.withdrawn},
            {"withdrawn_by", u.withdrawn_by},
            {"withdrawn_at", u.withdrawn_at},
            {"withdraw_reason", u.withdraw_reason}};
}

json detail_json(WebApp& app, const DossierEntry& e, const Dataset& data, const Principal& who) {
    json out = row_json(e, data);
    json documents = json::array();
    for (const DossierDocumentState& doc : e.progress.state.documents) {
        json uploads = json::array();
        if (e.record)
            for (const DossierUpload& u : e.record->uploads)
                if (u.document == doc.document->id) uploads.push_back(upload_json(u));
        documents.push_back({{"document", doc.document->id},
                             {"name", doc.document->name},
                             {"copies", doc.required},
                             {"note", doc.document->note},
                             {"imported", doc.imported},
                             {"imported_late", doc.imported_late},
                             {"present", doc.present()},
                             {"uploads", uploads}});
    }
    json history = json::array();
    if (e.record)
        for (const DossierEvent& ev : e.record->events) {
            const auto from = parse_dossier_status(ev.from_status);
            const auto to = parse_dossier_status(ev.to_status);
            history.push_back({{"id", ev.id},
                               {"from", ev.from_status},
                               {"from_label", from ? dossier_status_label(*from) : ""},
                               {"to", ev.to_status},
                               {"to_label", to ? dossier_status_label(*to) : ""},
                               {"reason", ev.reason},
                               {"decision_number", ev.decision_number},
                               {"decision_date", ev.decision_date},
                               {"by", ev.by},
                               {"at", ev.at},
                               {"on", ev.on}});
        }
    json next = json::array();
    for (DossierStatus s : dossier_next_statuses(e.progress.status, actor_of(who)))
        next.push_back(status_json(s));
    out["documents"] = documents;
    out["history"] = history;
    out["next"] = next;
    out["can_upload"] = may_change_uploads(actor_of(who), e.progress.status);
    out["upload_limit"] = app.options().dossier_file_limit;
    out["created_by"] = e.record ? json(e.record->created_by) : json(nullptr);
    return out;
}

Response detail(WebApp& app, Request& r, const Principal& who, Store& store) {
    auto b = load_board(app, r, who, store);
    if (!b) return std::move(b.error());
    auto e = find_entry(**b, r);
    if (!e) return std::move(e.error());
    return Response::json(200, detail_json(app, **e, *(*b)->evaluation->data, who));
}

Response upload(WebApp& app, Request& r, const Principal& who, Store& store) {
    auto b = load_board(app, r, who, store);
    if (!b) return std::move(b.error());
    auto e = find_entry(**b, r);
    if (!e) return std::move(e.error());
    const DossierEntry& entry = **e;
    const DossierStatus status = entry.progress.status;
    if (actor_of(who) != DossierActor::Unit && actor_of(who) != DossierActor::HomeAffairs)
        return Response::error(403, "forbidden", "Vai trò của bạn không nộp tệp hồ sơ");
    if (!dossier_uploads_open(status))
        return Response::error(
            409, "dossier_closed",
            fmt::format("Hồ sơ đang ở trạng thái “{}”: chỉ nộp thêm tệp khi đang soạn hoặc bị "
                        "trả lại",
                        dossier_status_label(status)));
    const std::string document = r.query_param("document").value_or("");
    const auto doc =
        std::find_if(entry.progress.state.documents.begin(), entry.progress.state.documents.end(),
                     [&](const DossierDocumentState& d) { return d.document->id == document; });
    if (doc == entry.progress.state.documents.end())
        return Response::error(
            400, "bad_request",
            fmt::format("Hồ sơ này không có giấy tờ '{}' (?document=)", document));
    auto file = checked_upload(r, app.options().dossier_file_limit, document, who.user.username);
    if (!file) return std::move(file.error());
    const DossierKey key = key_of(**b, entry);
    auto added = store.add_dossier_upload(
        key, entry.unit_id, std::string(dossier_status_id(status)), document, std::move(*file));
    if (!added) return store_failure(added.error());
    if (!*added)
        return Response::error(409, "conflict", "Hồ sơ vừa được người khác chuyển trạng thái");
    return Response::json(201, upload_json(**added));
}

Response withdraw(WebApp& app, Request& r, const Principal& who, Store& store) {
    auto body = json_body(r);
    if (!body) return std::move(body.error());
    auto b = load_board(app, r, who, store);
    if (!b) return std::move(b.error());
    auto e = find_entry(**b, r);
    if (!e) return std::move(e.error());
    const DossierEntry& entry = **e;
    const DossierStatus status = entry.progress.status;
    if (actor_of(who) != DossierActor::Unit && actor_of(who) != DossierActor::HomeAffairs)
        return Response::error(403, "forbidden", "Vai trò của bạn không rút tệp hồ sơ");
    const auto id = parse_integer(r.param("upload"));
    const DossierUpload* upload = nullptr;
    if (entry.record && id)
        for (const DossierUpload& u : entry.record->uploads)
            if (u.id == *id) upload = &u;
    if (upload == nullptr) return Response::error(404, "not_found", "Hồ sơ này không có tệp đó");
    if (upload->withdrawn) return Response::error(409, "already_withdrawn", "Tệp này đã được rút");
    if (!dossier_uploads_open(status))
        return Response::error(
            409, "dossier_closed",
            fmt::format("Hồ sơ đang ở trạng thái “{}”: chỉ rút tệp khi đang soạn hoặc bị trả lại",
                        dossier_status_label(status)));
    auto done = store.withdraw_dossier_upload(key_of(**b, entry), *id,
                                              std::string(dossier_status_id(status)),
                                              text_member(*body, "reason"), who.user.username);
    if (!done) return store_failure(done.error());
    if (!*done) return Response::error(409, "conflict", "Hồ sơ vừa được người khác thay đổi");
    return Response::json(200, upload_json(**done));
}

Response change_status(WebApp& app, Request& r, const Principal& who, Store& store) {
    auto body = json_body(r);
    if (!body) return std::move(body.error());
    auto b = load_board(app, r, who, store);
    if (!b) return std::move(b.error());
    auto e = find_entry(**b, r);
    if (!e) return std::move(e.error());
    const DossierEntry& entry = **e;
    const std::string to_text = text_member(*body, "to");
    const auto to = parse_dossier_status(to_text);
    if (!to)
        return Response::error(400, "bad_request",
                               "Cần trạng thái mới (to): submitted, returned, accepted, proposed "
                               "hoặc decided");
    DossierTransition t;
    t.from = entry.progress.status;
    t.to = *to;
    t.actor = actor_of(who);
    t.reason = text_member(*body, "reason");
    t.decision_number = text_member(*body, "decision_number");
    const std::string decision_date = text_member(*body, "decision_date");
    t.decision_date = Date::parse_iso(decision_date);
    if (!decision_date.empty() && !t.decision_date)
        return Response::error(400, "bad_request", "Ngày quyết định phải có dạng YYYY-MM-DD");
    for (const DossierDocumentState& d : entry.progress.state.documents)
        if (!d.present()) t.missing.push_back(d.document->name);
    if (auto refusal = check_dossier_transition(t))
        return Response::error(refusal->status, refusal->code, refusal->message,
                               {{"details", refusal->details}});
    DossierEvent ev;
    ev.from_status = dossier_status_id(t.from);
    ev.to_status = dossier_status_id(t.to);
    ev.reason = t.reason;
    if (t.to == DossierStatus::Decided) {
        ev.decision_number = t.decision_number;
        ev.decision_date = t.decision_date->iso();
    }
    ev.by = who.user.username;
    auto done = store.add_dossier_event(key_of(**b, entry), entry.unit_id, std::move(ev));
    if (!done) return store_failure(done.error());
    if (!*done)
        return Response::error(409, "conflict", "Hồ sơ vừa được người khác chuyển trạng thái");
    return Response::json(200, {{"status", dossier_status_id(t.to)},
                                {"status_label", dossier_status_label(t.to)},
                                {"by", who.user.username}});
}

}  // namespace

void add_dossier_routes(Router& router, WebApp& app) {
    const std::string base = "/api/v1/plans/{id}/dossiers";
    router.add("GET", base,
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return board(app, r, p, s);
               }));
    router.add("GET", base + "/{award}/{subject}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return detail(app, r, p, s);
               }));
    // Room for the multipart framing around one file of the limit; the file itself is checked.
    router.add(
        "POST", base + "/{award}/{subject}/uploads",
        secured(app, Access::SignedIn,
                [&app](Request& r, const Principal& p, Store& s) { return upload(app, r, p, s); }),
        app.options().dossier_file_limit + (64u << 10));
    router.add("POST", base + "/{award}/{subject}/uploads/{upload}/withdraw",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return withdraw(app, r, p, s);
               }));
    router.add("POST", base + "/{award}/{subject}/status",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return change_status(app, r, p, s);
               }));
}

}  // namespace thidua::web
