#include "output/DocumentMaker.h"

#include <array>
#include <fstream>
#include <sstream>

#include "documents/PdfConverter.h"
#include "eval/RegistrationBoard.h"
#include "forms/DefaultTemplates.h"
#include "forms/RenderForm.h"
#include "io/TempDir.h"
#include "present/DossierBoardXlsx.h"
#include "present/EvaluationXlsx.h"
#include "present/RegistrationBoardXlsx.h"
#include "present/YearlyResultsXlsx.h"

namespace thidua::output {
namespace {

constexpr std::array<std::string_view, 4> kWorkbookIds = {"danh-gia", "bang-dang-ky", "bang-ho-so",
                                                          "ket-qua-nam"};

const std::vector<OutputKind>& kinds() {
    static const std::vector<OutputKind> all = [] {
        std::vector<OutputKind> v;
        for (const forms::FormInfo& f : forms::form_kinds())
            v.push_back({f.id, f.name_vi, &f});
        v.push_back({kWorkbookIds[0], "Kết quả xét (bảng tính)", nullptr});
        v.push_back({kWorkbookIds[1], "Bảng theo dõi đăng ký thi đua", nullptr});
        v.push_back({kWorkbookIds[2], "Bảng theo dõi hồ sơ đề nghị khen thưởng", nullptr});
        v.push_back({kWorkbookIds[3], "Kết quả chỉ số cải cách hành chính từng năm", nullptr});
        return v;
    }();
    return all;
}

Diagnostics problem(std::string vi, std::string en) {
    return {Diagnostic::about_file("", std::move(vi), std::move(en))};
}

tl::expected<std::string, Diagnostics> read_back(const std::filesystem::path& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes)
        return tl::unexpected(problem("Không đọc lại được tệp vừa ghi", "cannot read back"));
    return std::move(*bytes);
}

// The units of the evaluation's territory: every unit that competes in a collective award of
// the period, in dataset order.
std::vector<Index> competing_units(const EvaluationResult& r) {
    std::vector<char> seen(r.data->units.size(), 0);
    for (const AwardOutcome& a : r.awards)
        for (const GroupOutcome& g : a.groups)
            for (const CandidateOutcome& c : g.candidates)
                if (c.subject.kind == SubjectKind::Unit)
                    seen[static_cast<size_t>(c.subject.index)] = 1;
    std::vector<Index> out;
    for (size_t i = 0; i < seen.size(); ++i)
        if (seen[i]) out.push_back(static_cast<Index>(i));
    return out;
}

tl::expected<std::string, Diagnostics> write_workbook(const DocumentRequest& q) {
    TempDir dir;
    if (dir.path().empty())
        return tl::unexpected(
            problem("Không tạo được thư mục tạm", "cannot make a temporary folder"));
    const std::filesystem::path file = dir.path() / "bang.xlsx";
    const EvaluationResult& r = *q.result;
    const std::string_view id = q.kind->id;
    tl::expected<void, std::string> written;
    if (id == kWorkbookIds[0]) {
        written = write_evaluation_xlsx(r, file);
    } else if (id == kWorkbookIds[1]) {
        written = write_registration_board_xlsx(registration_board(r), r, file);
    } else if (id == kWorkbookIds[2]) {
        written = write_dossier_board_xlsx(r, file, q.dossier_progress);
    } else {
        const std::vector<Index> units = competing_units(r);
        auto done = write_yearly_results_xlsx(*r.data, units, r.period.first_year,
                                              r.period.last_year, file);
        if (!done) return tl::unexpected(done.error());
    }
    if (!written)
        return tl::unexpected(problem("Không ghi được bảng tính: " + written.error(),
                                      "cannot write the workbook: " + written.error()));
    return read_back(file);
}

tl::expected<std::string, Diagnostics> write_form(const DocumentRequest& q) {
    const forms::FormKind kind = q.kind->form->kind;
    const std::string name = q.template_docx ? q.template_name : std::string(q.kind->id) + ".docx";
    const std::string_view tpl =
        q.template_docx ? std::string_view(*q.template_docx) : forms::default_template(kind);
    forms::FormRequest form{kind, q.result, q.date, q.number, q.unit, q.award};
    auto docx = forms::render_form(form, tpl, name);
    if (!docx || q.format != FileFormat::Pdf) return docx;
    documents::PdfOptions options;
    options.soffice = q.soffice;
    options.file_name = forms::form_file_stem(form) + ".docx";
    auto pdf = documents::convert_docx_to_pdf(*docx, options);
    if (!pdf) return tl::unexpected(Diagnostics{pdf.error()});
    return std::move(*pdf);
}

std::string file_stem(const DocumentRequest& q) {
    if (q.kind->form != nullptr)
        return forms::form_file_stem(
            {q.kind->form->kind, q.result, q.date, q.number, q.unit, q.award});
    return std::string(q.kind->id) + "-" + q.result->plan->spec.id + "-" + q.result->period.id;
}

}  // namespace

std::span<const OutputKind> output_kinds() {
    return kinds();
}

const OutputKind* find_output_kind(std::string_view id) {
    for (const OutputKind& k : kinds())
        if (k.id == id) return &k;
    return nullptr;
}

std::string_view content_type(FileFormat format) {
    switch (format) {
        case FileFormat::Docx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case FileFormat::Pdf:
            return "application/pdf";
        case FileFormat::Xlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    return "application/octet-stream";
}

std::string_view extension(FileFormat format) {
    switch (format) {
        case FileFormat::Docx:
            return ".docx";
        case FileFormat::Pdf:
            return ".pdf";
        case FileFormat::Xlsx:
            return ".xlsx";
    }
    return "";
}

tl::expected<DocumentFile, Diagnostics> make_document(const DocumentRequest& q) {
    const bool form = q.kind->form != nullptr;
    if (form && q.format == FileFormat::Xlsx)
        return tl::unexpected(problem("Văn bản này xuất ra DOCX hoặc PDF, không phải XLSX",
                                      "this document is DOCX or PDF, not XLSX"));
    if (!form && q.format != FileFormat::Xlsx)
        return tl::unexpected(
            problem("Bảng tính này chỉ xuất ra XLSX", "this workbook is XLSX only"));
    auto bytes = form ? write_form(q) : write_workbook(q);
    if (!bytes) return tl::unexpected(bytes.error());
    return DocumentFile{std::move(*bytes), file_stem(q) + std::string(extension(q.format)),
                        std::string(content_type(q.format))};
}

}  // namespace thidua::output
