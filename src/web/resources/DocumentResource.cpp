// The documents and workbooks of a plan's period, and the plan's own templates:
//   GET    /api/v1/document-kinds
//   GET /api/v1/plans/{id}/documents/{kind}?period=&format=docx|pdf|xlsx&unit=&award=&date=&number=
//   GET    /api/v1/plans/{id}/templates
//   GET    /api/v1/plans/{id}/templates/{kind}        the template in use (the plan's or the
//   default) PUT    /api/v1/plans/{id}/templates/{kind}?name=  upload (raw .docx body), checked
//   first DELETE /api/v1/plans/{id}/templates/{kind}        back to the default (a version, not a
//   delete)
// A don-vi user may make only the unit documents of their own units.

#include <fmt/format.h>

#include "base/Text.h"
#include "documents/DocxTemplate.h"
#include "documents/PdfConverter.h"
#include "documents/TemplateCheck.h"
#include "forms/DefaultTemplates.h"
#include "forms/FormFields.h"
#include "output/DocumentMaker.h"
#include "store/Clock.h"
#include "web/app/DossierBoard.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/PlanViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

constexpr std::size_t kTemplateLimit = 10 << 20;

json fields_json(const std::vector<forms::FieldInfo>& fields) {
    json out = json::array();
    for (const forms::FieldInfo& f : fields) {
        json item = {{"name", f.name}, {"description", f.description_vi}};
        if (!f.record.empty()) item["record"] = fields_json(f.record);
        out.push_back(std::move(item));
    }
    return out;
}

Response list_kinds() {
    json kinds = json::array();
    for (const output::OutputKind& k : output::output_kinds()) {
        json item = {{"id", k.id}, {"name", k.name_vi}};
        if (k.form != nullptr) {
            item["formats"] = {"docx", "pdf"};
            item["unit"] = k.form->subject == forms::FormSubject::Unit;
            item["landscape"] = k.form->landscape;
            item["fields"] = fields_json(forms::form_fields(k.form->kind));
        } else {
            item["formats"] = {"xlsx"};
            item["unit"] = false;
        }
        kinds.push_back(std::move(item));
    }
    return Response::json(
        200, {{"kinds", kinds}, {"pdf_available", !documents::find_soffice().empty()}});
}

std::optional<output::FileFormat> requested_format(const Request& r, const output::OutputKind& k) {
    const std::string f = r.query_param("format").value_or(k.form ? "docx" : "xlsx");
    if (f == "docx" && k.form) return output::FileFormat::Docx;
    if (f == "pdf" && k.form) return output::FileFormat::Pdf;
    if (f == "xlsx" && !k.form) return output::FileFormat::Xlsx;
    return std::nullopt;
}

Response attachment(output::DocumentFile file) {
    Response response = Response::text(200, std::move(file.bytes), file.content_type);
    response.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
    return response;
}

// The plan's uploaded template for this kind, when its latest version has content.
tl::expected<std::optional<PlanTemplate>, Response> own_template(Store& store,
                                                                 const std::string& plan,
                                                                 std::string_view kind) {
    auto found = store.find_plan_template(plan, std::string(kind));
    if (!found) return tl::unexpected(store_failure(found.error()));
    if (*found && (*found)->content.empty()) return std::optional<PlanTemplate>();
    return std::move(*found);
}

// A don-vi user: only unit documents, and only for a unit in their scope.
std::optional<Response> refuse_for_unit_user(const Principal& who, Store& store,
                                             const output::OutputKind& kind,
                                             const std::string& unit) {
    if (sees_all_units(who)) return std::nullopt;
    if (kind.form == nullptr || kind.form->subject != forms::FormSubject::Unit)
        return Response::error(403, "forbidden",
                               "Tài khoản đơn vị chỉ lập được văn bản của đơn vị mình");
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    if (!UnitScope::of(who, *units).contains(unit))
        return Response::error(404, "not_found", "Không có đơn vị này");
    return std::nullopt;
}

tl::expected<output::DocumentRequest, Response> document_request(const Request& r,
                                                                 const output::OutputKind& kind,
                                                                 const StoredEvaluation& e) {
    output::DocumentRequest q;
    q.kind = &kind;
    q.result = &e.result;
    const auto format = requested_format(r, kind);
    if (!format)
        return tl::unexpected(Response::error(
            400, "bad_request",
            kind.form ? "Định dạng phải là docx hoặc pdf" : "Bảng tính chỉ có định dạng xlsx"));
    q.format = *format;
    q.date = store::vietnam_today();
    if (const auto d = r.query_param("date"); d && !d->empty()) {
        const auto parsed = Date::parse_iso(*d);
        if (!parsed)
            return tl::unexpected(
                Response::error(400, "bad_request", "Ngày văn bản phải có dạng YYYY-MM-DD"));
        q.date = *parsed;
    }
    q.number = r.query_param("number").value_or("");
    q.award = r.query_param("award").value_or("");
    const std::string unit = r.query_param("unit").value_or("");
    if (!unit.empty()) {
        const auto it = e.data->unit_by_id.find(unit);
        if (it == e.data->unit_by_id.end())
            return tl::unexpected(Response::error(404, "not_found", "Không có đơn vị này"));
        q.unit = it->second;
    }
    return q;
}

Response make(WebApp& app, Request& r, const Principal& who, Store& store) {
    const output::OutputKind* kind = output::find_output_kind(r.param("kind"));
    if (kind == nullptr) return Response::error(404, "not_found", "Không có loại văn bản này");
    if (auto refused = refuse_for_unit_user(who, store, *kind, r.query_param("unit").value_or("")))
        return std::move(*refused);
    const auto period = r.query_param("period");
    if (!period || period->empty())
        return Response::error(400, "bad_request", "Cần chọn kỳ xét: ?period=2021-2025");
    auto evaluated = evaluate_stored_plan(app, store, r.param("id"), *period);
    if (!evaluated) return std::move(evaluated.error());
    const StoredEvaluation* evaluation = evaluated->get();
    auto q = document_request(r, *kind, *evaluation);
    if (!q) return std::move(q.error());
    if (q->format == output::FileFormat::Pdf && documents::find_soffice().empty())
        return Response::error(503, "pdf_unavailable",
                               "Máy chủ chưa cài LibreOffice nên không xuất được PDF; hãy tải bản "
                               "DOCX (quản trị: cài gói libreoffice-writer-nogui)");
    if (kind->form != nullptr) {
        auto own = own_template(store, r.param("id"), kind->id);
        if (!own) return std::move(own.error());
        if (*own) {
            q->template_docx = std::move((*own)->content);
            q->template_name = (*own)->file_name;
        }
    }
    // The dossier board shows what the application keeps besides the imported dossiers.
    std::vector<DossierRecord> records;
    std::vector<DossierProgress> progress;
    if (kind->id == "bang-ho-so") {
        auto found = store.dossier_records(r.param("id"), evaluation->result.period.id);
        if (!found) return store_failure(found.error());
        records = std::move(*found);
        progress =
            dossier_progress(dossier_entries(evaluation->result, records, store::vietnam_today()));
        q->dossier_progress = &progress;
    }
    auto file = output::make_document(*q);
    if (!file)
        return Response::error(422, "document_failed", file.error().front().message,
                               {{"details", [&] {
                                     json d = json::array();
                                     for (const Diagnostic& x : file.error())
                                         d.push_back(diagnostic_json(x));
                                     return d;
                                 }()}});
    return attachment(std::move(*file));
}

// The uploader's file name, kept for display only (never a path): printable, at most 120 bytes.
std::string display_name(const std::string& given, const forms::FormInfo& form) {
    std::string out;
    for (char c : given)
        if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\' && c != '/') out += c;
    if (out.size() > 120 || !is_valid_utf8(out) || out.empty())
        out = std::string(form.id) + ".docx";
    return out;
}

const forms::FormInfo* form_of(const Request& r) {
    return forms::find_form(r.param("kind"));
}

Response list_templates(WebApp& app, Request& r, Store& store) {
    auto plan = find_stored_plan(app, store, r.param("id"));
    if (!plan) return std::move(plan.error());
    auto uploaded = store.plan_templates(r.param("id"));
    if (!uploaded) return store_failure(uploaded.error());
    json out = json::array();
    for (const forms::FormInfo& f : forms::form_kinds()) {
        json item = {{"kind", f.id}, {"name", f.name_vi}, {"source", "default"}};
        for (const PlanTemplate& t : *uploaded) {
            if (t.form != f.id) continue;
            item["version"] = t.version;
            item["saved_by"] = t.saved_by;
            item["saved_at"] = t.saved_at;
            if (!t.sha256.empty()) {
                item["source"] = "plan";
                item["file_name"] = t.file_name;
            }
        }
        out.push_back(std::move(item));
    }
    return Response::json(200, out);
}

Response get_template(WebApp& app, Request& r, Store& store) {
    const forms::FormInfo* form = form_of(r);
    if (form == nullptr) return Response::error(404, "not_found", "Không có loại văn bản này");
    auto plan = find_stored_plan(app, store, r.param("id"));
    if (!plan) return std::move(plan.error());
    auto own = own_template(store, r.param("id"), form->id);
    if (!own) return std::move(own.error());
    output::DocumentFile file;
    file.content_type = std::string(output::content_type(output::FileFormat::Docx));
    file.file_name = "mau-" + std::string(form->id) + "-" + r.param("id") + ".docx";
    file.bytes =
        *own ? std::move((*own)->content) : std::string(forms::default_template(form->kind));
    return attachment(std::move(file));
}

Response put_template(WebApp& app, Request& r, const Principal& who, Store& store) {
    const forms::FormInfo* form = form_of(r);
    if (form == nullptr) return Response::error(404, "not_found", "Không có loại văn bản này");
    auto plan = find_stored_plan(app, store, r.param("id"));
    if (!plan) return std::move(plan.error());
    const std::string name = display_name(r.query_param("name").value_or(""), *form);
    auto tpl = documents::DocxTemplate::open(r.body, name);
    Diagnostics problems;
    if (!tpl)
        problems.push_back(tpl.error());
    else
        problems =
            documents::check_template(tpl->placeholders(), forms::form_schema(form->kind), name);
    if (!problems.empty()) {
        json details = json::array();
        for (const Diagnostic& d : problems)
            details.push_back(diagnostic_json(d));
        return Response::error(422, "invalid_template", "Mẫu có chỗ chưa dùng được; chưa lưu gì",
                               {{"details", details}});
    }
    auto saved = store.save_plan_template(
        {r.param("id"), std::string(form->id), 0, name, r.body, "", who.user.username, ""});
    if (!saved) return store_failure(saved.error());
    return Response::json(201, {{"kind", form->id},
                                {"version", saved->version},
                                {"file_name", saved->file_name},
                                {"sha256", saved->sha256}});
}

Response reset_template(WebApp& app, Request& r, const Principal& who, Store& store) {
    const forms::FormInfo* form = form_of(r);
    if (form == nullptr) return Response::error(404, "not_found", "Không có loại văn bản này");
    auto plan = find_stored_plan(app, store, r.param("id"));
    if (!plan) return std::move(plan.error());
    auto saved = store.save_plan_template(
        {r.param("id"), std::string(form->id), 0, "", "", "", who.user.username, ""});
    if (!saved) return store_failure(saved.error());
    return Response::json(200,
                          {{"kind", form->id}, {"version", saved->version}, {"source", "default"}});
}

}  // namespace

void add_document_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/document-kinds",
               secured(app, Access::SignedIn,
                       [](Request&, const Principal&, Store&) { return list_kinds(); }));
    router.add("GET", "/api/v1/plans/{id}/documents/{kind}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return make(app, r, p, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/templates",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal&, Store& s) {
                   return list_templates(app, r, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/templates/{kind}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal&, Store& s) {
                   return get_template(app, r, s);
               }));
    router.add("PUT", "/api/v1/plans/{id}/templates/{kind}",
               secured(app, Access::Edit,
                       [&app](Request& r, const Principal& p, Store& s) {
                           return put_template(app, r, p, s);
                       }),
               kTemplateLimit);
    router.add("DELETE", "/api/v1/plans/{id}/templates/{kind}",
               secured(app, Access::Edit, [&app](Request& r, const Principal& p, Store& s) {
                   return reset_template(app, r, p, s);
               }));
}

}  // namespace thidua::web
