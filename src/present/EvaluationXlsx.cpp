#include "present/EvaluationXlsx.h"

#include <set>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "present/Explain.h"

namespace thidua {
namespace {

struct Formats {
    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* selected = nullptr;
};

// Excel refuses sheet names over 31 characters, with []:*?/\ or repeated.
std::string sheet_name(const CompiledAward& award, std::set<std::string>& used) {
    std::string base = award.spec->id;
    for (char& c : base)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    if (base.size() > 27) base.resize(27);
    std::string name = base;
    for (int n = 2; used.contains(name); ++n)
        name = fmt::format("{}-{}", base, n);
    used.insert(name);
    return name;
}

const char* mark(expr::Tri t) {
    switch (t) {
        case expr::Tri::True:
            return "Đạt";
        case expr::Tri::False:
            return "Không đạt";
        case expr::Tri::Unknown:
            return "Chưa rõ";
    }
    return "";
}

void write_header(lxw_worksheet* ws, const Formats& f, const AwardOutcome& award,
                  const EvaluationResult& r) {
    const std::string title = fmt::format("{} — kỳ {}", award.award->spec->name, r.period.id);
    worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
    const char* fixed[] = {"Nhóm",      "Hạng",      "Mã",        "Tên",     "Kết quả",
                           "Được chọn", "Đồng hạng", "Còn thiếu", "Sáp nhập"};
    lxw_col_t col = 0;
    for (const char* h : fixed)
        worksheet_write_string(ws, 2, col++, h, f.header);
    for (const CompiledCriterion& c : award.award->criteria) {
        worksheet_write_string(ws, 2, col++, (c.label.empty() ? c.id : c.label).c_str(), f.header);
        worksheet_write_string(ws, 2, col++, ("Lý do: " + c.id).c_str(), f.header);
    }
    worksheet_set_column(ws, 0, 0, 24, nullptr);
    worksheet_set_column(ws, 1, 1, 6, nullptr);
    worksheet_set_column(ws, 2, 2, 14, nullptr);
    worksheet_set_column(ws, 3, 3, 40, nullptr);
    worksheet_set_column(ws, 4, 7, 14, nullptr);
    worksheet_set_column(ws, 8, 8, 40, f.wrap);
    worksheet_set_column(ws, 9, col, 28, f.wrap);
    worksheet_freeze_panes(ws, 3, 4);
    worksheet_autofilter(ws, 2, 0, 2, col - 1);
}

std::string missing_text(const CandidateOutcome& c, const EvaluationResult& r) {
    std::string out;
    for (const auto& m : c.missing)
        out += (out.empty() ? "" : "; ") + missing_fact(m, *r.data, c.subject);
    return out;
}

lxw_row_t write_candidate(lxw_worksheet* ws, const Formats& f, lxw_row_t row,
                          const std::string& group, const CandidateOutcome& c,
                          const EvaluationResult& r) {
    lxw_format* fmt_row = c.selected ? f.selected : nullptr;
    worksheet_write_string(ws, row, 0, group.c_str(), fmt_row);
    if (c.rank) worksheet_write_number(ws, row, 1, *c.rank, fmt_row);
    worksheet_write_string(ws, row, 2, subject_id(*r.data, c.subject).c_str(), fmt_row);
    worksheet_write_string(ws, row, 3, subject_name(*r.data, c.subject).c_str(), fmt_row);
    worksheet_write_string(ws, row, 4, status_vi(c.status), fmt_row);
    worksheet_write_string(ws, row, 5, c.selected ? "Có" : "", fmt_row);
    worksheet_write_string(ws, row, 6, c.tied ? "Có" : "", fmt_row);
    worksheet_write_string(ws, row, 7, missing_text(c, r).c_str(), f.wrap);
    if (c.lineage) worksheet_write_string(ws, row, 8, lineage_vi(*c.lineage).c_str(), f.wrap);
    lxw_col_t col = 9;
    for (const CriterionOutcome& co : c.criteria) {
        worksheet_write_string(ws, row, col++, mark(co.result), nullptr);
        const std::string reason = explain(co, r, c.subject, Wording::Vietnamese);
        worksheet_write_string(ws, row, col++, reason.c_str(), f.wrap);
    }
    return row + 1;
}

}  // namespace

tl::expected<void, std::string> write_evaluation_xlsx(const EvaluationResult& r,
                                                      const std::filesystem::path& path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (book == nullptr) return tl::unexpected(std::string("cannot create the workbook"));
    Formats f;
    f.title = workbook_add_format(book);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_bg_color(f.header, 0xDDEBF7);
    format_set_border(f.header, LXW_BORDER_THIN);
    f.wrap = workbook_add_format(book);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.selected = workbook_add_format(book);
    format_set_bg_color(f.selected, 0xE2EFDA);
    std::set<std::string> used;
    for (const AwardOutcome& award : r.awards) {
        lxw_worksheet* ws = workbook_add_worksheet(book, sheet_name(*award.award, used).c_str());
        write_header(ws, f, award, r);
        lxw_row_t row = 3;
        for (const GroupOutcome& g : award.groups) {
            const std::string group = g.group->id;
            for (const CandidateOutcome& c : g.candidates)
                row = write_candidate(ws, f, row, group, c, r);
        }
    }
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) return tl::unexpected(std::string(lxw_strerror(error)));
    return {};
}

}  // namespace thidua
