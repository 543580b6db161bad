#include "present/RegistrationBoardXlsx.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "present/Explain.h"
#include "present/OfficerBook.h"

namespace thidua {
namespace {

// Header row; data starts under it. Rows 0-2 hold the title, the period and a summary.
constexpr lxw_row_t kHeaderRow = 3;

constexpr SheetColumn kBoardColumns[] = {
    {"STT", 6},         {"Nhóm", 36}, {"Mã", 16},           {"Tên đơn vị / Họ và tên", 40},
    {"Đơn vị", 36},     {"Loại", 10}, {"Ngày đăng ký", 14}, {"Hạn", 12},
    {"Tình trạng", 16},
};

constexpr SheetColumn kSummaryColumns[] = {
    {"Nhóm", 48},         {"Đúng hạn", 12},   {"Trễ hạn", 12},
    {"Chưa đăng ký", 14}, {"Đã đăng ký", 14}, {"Trễ, được chấp nhận", 16},
    {"Tổng", 10},
};

constexpr RegistrationStatus kStatuses[] = {
    RegistrationStatus::OnTime, RegistrationStatus::Late, RegistrationStatus::Missing,
    RegistrationStatus::Registered, RegistrationStatus::LateAccepted};

uint32_t status_fill(RegistrationStatus s) {
    switch (s) {
        case RegistrationStatus::OnTime:
            return kFillGood;
        case RegistrationStatus::Late:
            return kFillNeutral;
        case RegistrationStatus::Missing:
            return kFillBad;
        case RegistrationStatus::Registered:
            return kFillGrey;
        case RegistrationStatus::LateAccepted:
            return kFillGood;
    }
    return kFillGrey;
}

std::string period_line(const RegistrationBoard& board, const EvaluationResult& r) {
    if (!board.deadline)
        return fmt::format("Kỳ {} · kế hoạch không quy định hạn đăng ký cho kỳ này", r.period.id);
    return fmt::format("Kỳ {} · hạn đăng ký {}", r.period.id, board.deadline->dmy());
}

// Why nothing is listed, or how the statuses add up.
std::string summary_line(const RegistrationBoard& board) {
    if (!board.plan_has_registration)
        return "Kế hoạch không có phần đăng ký thi đua: không ai phải đăng ký, bảng không liệt kê.";
    if (!board.data_has_registrations)
        return "Dữ liệu không có bảng đăng ký (registrations): chưa biết ai đã đăng ký, bảng "
               "không liệt kê.";
    std::string out = fmt::format("{} tập thể, cá nhân", board.totals.total());
    for (RegistrationStatus s : kStatuses)
        if (board.totals[s] > 0)
            out += fmt::format(" · {}: {}", registration_status_vi(s), board.totals[s]);
    return out;
}

std::string group_names(const RegistrationRow& row) {
    if (row.subject.kind == SubjectKind::Person) return "Cá nhân";
    std::string out;
    for (const GroupSpec* g : row.groups)
        out += (out.empty() ? "" : "; ") + (g->name.empty() ? g->id : g->name);
    return out;
}

void write_board_row(OfficerBook& book, lxw_worksheet* ws, lxw_row_t row, int number,
                     const RegistrationRow& r, const RegistrationBoard& board,
                     const Dataset& data) {
    const bool person = r.subject.kind == SubjectKind::Person;
    worksheet_write_number(ws, row, 0, number, nullptr);
    worksheet_write_string(ws, row, 1, group_names(r).c_str(), book.wrap);
    worksheet_write_string(ws, row, 2, subject_id(data, r.subject).c_str(), nullptr);
    worksheet_write_string(ws, row, 3, subject_name(data, r.subject).c_str(), nullptr);
    if (person && r.unit != kNoIndex)
        worksheet_write_string(ws, row, 4, data.units[static_cast<size_t>(r.unit)].name.c_str(),
                               nullptr);
    worksheet_write_string(ws, row, 5, person ? "Cá nhân" : "Tập thể", nullptr);
    if (r.registered_on) write_date(ws, row, 6, *r.registered_on, book.date);
    if (board.deadline) write_date(ws, row, 7, *board.deadline, book.date);
    worksheet_write_string(ws, row, 8, registration_status_vi(r.status),
                           book.fill(status_fill(r.status)));
}

void write_board_sheet(OfficerBook& book, const RegistrationBoard& board,
                       const EvaluationResult& r) {
    lxw_worksheet* ws = book.sheet("Đăng ký");
    write_title(book, ws, r.plan->spec.title, period_line(board, r), summary_line(board));
    write_header_row(book, ws, kHeaderRow, kBoardColumns);
    lxw_row_t row = kHeaderRow + 1;
    int number = 1;
    for (const RegistrationRow& line : board.rows)
        write_board_row(book, ws, row++, number++, line, board, *r.data);
    const auto last_col = static_cast<lxw_col_t>(std::size(kBoardColumns) - 1);
    worksheet_autofilter(ws, kHeaderRow, 0, std::max(row - 1, kHeaderRow), last_col);
}

void write_counts(lxw_worksheet* ws, lxw_row_t row, const std::string& name,
                  const StatusCounts& counts, lxw_format* format) {
    worksheet_write_string(ws, row, 0, name.c_str(), format);
    lxw_col_t col = 1;
    for (RegistrationStatus s : kStatuses)
        worksheet_write_number(ws, row, col++, counts[s], format);
    worksheet_write_number(ws, row, col, counts.total(), format);
}

// Per group, then the whole board; a unit in two groups counts in each, but once in the total.
void write_summary_sheet(OfficerBook& book, const RegistrationBoard& board,
                         const EvaluationResult& r) {
    lxw_worksheet* ws = book.sheet("Tổng hợp");
    write_title(book, ws, r.plan->spec.title, period_line(board, r), summary_line(board));
    write_header_row(book, ws, kHeaderRow, kSummaryColumns);
    lxw_row_t row = kHeaderRow + 1;
    for (const GroupCounts& g : board.groups) {
        const std::string name =
            g.group == nullptr ? "Cá nhân" : (g.group->name.empty() ? g.group->id : g.group->name);
        write_counts(ws, row++, name, g.counts, nullptr);
    }
    const auto last_col = static_cast<lxw_col_t>(std::size(kSummaryColumns) - 1);
    worksheet_autofilter(ws, kHeaderRow, 0, std::max(row - 1, kHeaderRow), last_col);
    write_counts(ws, row, "Tổng cộng (mỗi tập thể, cá nhân tính một lần)", board.totals,
                 book.header);
}

}  // namespace

const char* registration_status_vi(RegistrationStatus s) {
    switch (s) {
        case RegistrationStatus::OnTime:
            return "Đúng hạn";
        case RegistrationStatus::Late:
            return "Trễ hạn";
        case RegistrationStatus::Missing:
            return "Chưa đăng ký";
        case RegistrationStatus::Registered:
            return "Đã đăng ký";
        case RegistrationStatus::LateAccepted:
            return "Trễ hạn, được chấp nhận";
    }
    return "";
}

tl::expected<void, std::string> write_registration_board_xlsx(const RegistrationBoard& board,
                                                              const EvaluationResult& result,
                                                              const std::filesystem::path& path) {
    OfficerBook book(path);
    if (!book.ok()) return tl::unexpected(std::string("cannot create the workbook"));
    write_board_sheet(book, board, result);
    write_summary_sheet(book, board, result);
    return book.close();
}

}  // namespace thidua
