#include "present/DossierBoardXlsx.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "present/Explain.h"
#include "present/OfficerBook.h"

namespace thidua {
namespace {

// Rows 0-2 hold the title, the period and the complete / incomplete count.
constexpr lxw_row_t kHeaderRow = 3;

constexpr SheetColumn kLeadColumns[] = {
    {"STT", 6},      {"Hình thức khen thưởng", 36}, {"Nhóm", 30}, {"Mã", 16}, {"Tên", 40},
    {"Hạn nộp", 14},
};
constexpr lxw_col_t kFirstDocumentCol = std::size(kLeadColumns);

// The award group's plan group by name; individual awards' one group is "ca-nhan".
std::string group_name(const std::string& id, const PlanSpec& plan) {
    if (id == "ca-nhan") return "Cá nhân";
    for (const GroupSpec& g : plan.groups)
        if (g.id == id) return g.name.empty() ? g.id : g.name;
    return id;
}

// The application's progress of dossier `i`, when the board has it.
const DossierProgress* progress_of(const std::vector<DossierProgress>* progress, size_t i) {
    return progress && i < progress->size() ? &(*progress)[i] : nullptr;
}

bool complete(const DossierOutcome& d, const DossierProgress* p) {
    return p ? p->state.complete : d.complete;
}

std::string summary_line(const EvaluationResult& r, const std::vector<DossierProgress>* progress) {
    long done = 0, late = 0;
    for (size_t i = 0; i < r.dossiers.size(); ++i) {
        const DossierProgress* p = progress_of(progress, i);
        done += complete(r.dossiers[i], p) ? 1 : 0;
        late += p && p->state.late ? 1 : 0;
    }
    const auto total = static_cast<long>(r.dossiers.size());
    std::string line =
        fmt::format("{} hồ sơ · đủ hồ sơ: {} · chưa đủ: {}", total, done, total - done);
    if (progress) line += fmt::format(" · trễ hạn: {}", late);
    return line;
}

std::vector<SheetColumn> columns(const std::vector<const DocumentSpec*>& documents, bool app) {
    std::vector<SheetColumn> out(std::begin(kLeadColumns), std::end(kLeadColumns));
    for (const DocumentSpec* d : documents)
        out.push_back({d->name.empty() ? d->id.c_str() : d->name.c_str(), 18});
    out.push_back({"Đủ hồ sơ", 10});
    if (app) {
        out.push_back({"Trạng thái", 18});
        out.push_back({"Số tệp", 8});
        out.push_back({"Trễ hạn", 10});
        out.push_back({"Quyết định khen thưởng", 30});
    }
    return out;
}

const DocumentOutcome* find_document(const DossierOutcome& d, const DocumentSpec& spec) {
    for (const DocumentOutcome& doc : d.documents)
        if (doc.document->id == spec.id) return &doc;
    return nullptr;
}

const DossierDocumentState* find_state(const DossierProgress* p, const DocumentSpec& spec) {
    if (p == nullptr) return nullptr;
    for (const DossierDocumentState& s : p->state.documents)
        if (s.document->id == spec.id) return &s;
    return nullptr;
}

// Short is red; enough but filed late is amber; a document this dossier does not need is grey.
lxw_format* document_format(OfficerBook& book, const DocumentOutcome* doc,
                            const DossierDocumentState* state) {
    if (doc == nullptr) return book.fill(kFillGrey);
    if (state ? !state->present() : doc->submitted < doc->required) return book.fill(kFillBad);
    if (doc->late) return book.fill(kFillNeutral);
    return nullptr;
}

void write_due(OfficerBook& book, lxw_worksheet* ws, lxw_row_t row, const DossierOutcome& d) {
    if (d.due)
        write_date(ws, row, 5, *d.due, book.date);
    else
        worksheet_write_string(ws, row, 5, d.due_note.c_str(), book.wrap);
}

void write_dossier_row(OfficerBook& book, lxw_worksheet* ws, lxw_row_t row, int number,
                       const DossierOutcome& d, const DossierProgress* p,
                       const std::vector<const DocumentSpec*>& documents,
                       const EvaluationResult& r) {
    worksheet_write_number(ws, row, 0, number, nullptr);
    worksheet_write_string(ws, row, 1, d.award->spec->name.c_str(), book.wrap);
    worksheet_write_string(ws, row, 2, group_name(d.group, r.plan->spec).c_str(), book.wrap);
    worksheet_write_string(ws, row, 3, subject_id(*r.data, d.subject).c_str(), nullptr);
    worksheet_write_string(ws, row, 4, subject_name(*r.data, d.subject).c_str(), nullptr);
    write_due(book, ws, row, d);
    lxw_col_t col = kFirstDocumentCol;
    for (const DocumentSpec* spec : documents) {
        const DocumentOutcome* doc = find_document(d, *spec);
        const DossierDocumentState* state = find_state(p, *spec);
        std::string text = doc ? document_cell_text(*doc) : std::string();
        if (state && state->uploads > 0) text += fmt::format(" · {} tệp", state->uploads);
        worksheet_write_string(ws, row, col++, text.c_str(), document_format(book, doc, state));
    }
    const bool done = complete(d, p);
    worksheet_write_string(ws, row, col++, done ? "Có" : "Chưa",
                           book.fill(done ? kFillGood : kFillBad));
    if (p == nullptr) return;
    worksheet_write_string(ws, row, col++, std::string(dossier_status_label(p->status)).c_str(),
                           nullptr);
    worksheet_write_number(ws, row, col++, p->uploads, nullptr);
    worksheet_write_string(ws, row, col++, p->state.late ? "Trễ hạn" : "",
                           p->state.late ? book.fill(kFillBad) : nullptr);
    const std::string decision =
        p->decision_number.empty()
            ? std::string()
            : fmt::format("{} ngày {}", p->decision_number, p->decision_date);
    worksheet_write_string(ws, row, col, decision.c_str(), book.wrap);
}

}  // namespace

std::vector<const DocumentSpec*> dossier_documents(const EvaluationResult& result) {
    std::vector<const DocumentSpec*> out;
    for (const AwardOutcome& award : result.awards) {
        if (award.award->dossier == nullptr) continue;
        for (const DocumentSpec& doc : award.award->dossier->documents) {
            const bool known = std::any_of(out.begin(), out.end(),
                                           [&](const DocumentSpec* d) { return d->id == doc.id; });
            if (!known) out.push_back(&doc);
        }
    }
    return out;
}

std::string document_cell_text(const DocumentOutcome& d) {
    return fmt::format("{}/{}{}", d.submitted, d.required, d.late ? " trễ" : "");
}

tl::expected<void, std::string> write_dossier_board_xlsx(
    const EvaluationResult& result, const std::filesystem::path& path,
    const std::vector<DossierProgress>* progress) {
    OfficerBook book(path);
    if (!book.ok()) return tl::unexpected(std::string("cannot create the workbook"));
    lxw_worksheet* ws = book.sheet("Hồ sơ");
    const std::string line = fmt::format("Hồ sơ đề nghị khen thưởng · kỳ {}", result.period.id);
    write_title(book, ws, result.plan->spec.title, line, summary_line(result, progress));
    const std::vector<const DocumentSpec*> documents = dossier_documents(result);
    const std::vector<SheetColumn> header = columns(documents, progress != nullptr);
    write_header_row(book, ws, kHeaderRow, header);
    lxw_row_t row = kHeaderRow + 1;
    int number = 1;
    for (size_t i = 0; i < result.dossiers.size(); ++i)
        write_dossier_row(book, ws, row++, number++, result.dossiers[i], progress_of(progress, i),
                          documents, result);
    const auto last_col = static_cast<lxw_col_t>(header.size() - 1);
    worksheet_autofilter(ws, kHeaderRow, 0, std::max(row - 1, kHeaderRow), last_col);
    return book.close();
}

}  // namespace thidua
