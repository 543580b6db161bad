#include "present/OfficerBook.h"

namespace thidua {

// Excel's day number of 1970-01-01 in the 1900 date system.
constexpr double kUnixEpochSerial = 25569;

OfficerBook::OfficerBook(const std::filesystem::path& path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;  // boards are small; rows may be written out of order
    m_book = workbook_new_opt(path.c_str(), &options);
    if (m_book == nullptr) return;
    title = workbook_add_format(m_book);
    format_set_bold(title);
    format_set_font_size(title, 14);
    header = workbook_add_format(m_book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    wrap = workbook_add_format(m_book);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    date = workbook_add_format(m_book);
    format_set_num_format(date, "dd/mm/yyyy");
}

// A book abandoned on an error path is still closed, so libxlsxwriter frees it.
OfficerBook::~OfficerBook() {
    if (m_book != nullptr) workbook_close(m_book);
}

lxw_worksheet* OfficerBook::sheet(const std::string& name) {
    return workbook_add_worksheet(m_book, name.c_str());
}

lxw_format* OfficerBook::fill(uint32_t rgb) {
    auto [it, inserted] = m_fills.emplace(rgb, nullptr);
    if (inserted) {
        it->second = workbook_add_format(m_book);
        format_set_bg_color(it->second, rgb);
        format_set_pattern(it->second, LXW_PATTERN_SOLID);
    }
    return it->second;
}

tl::expected<void, std::string> OfficerBook::close() {
    const lxw_error error = workbook_close(m_book);
    m_book = nullptr;
    if (error != LXW_NO_ERROR) return tl::unexpected(std::string(lxw_strerror(error)));
    return {};
}

double excel_serial(const Date& d) {
    return kUnixEpochSerial + d.days();
}

void write_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Date& d,
                lxw_format* format) {
    worksheet_write_number(ws, row, col, excel_serial(d), format);
}

void write_title(OfficerBook& book, lxw_worksheet* ws, const std::string& title,
                 const std::string& line1, const std::string& line2) {
    worksheet_write_string(ws, 0, 0, title.c_str(), book.title);
    if (!line1.empty()) worksheet_write_string(ws, 1, 0, line1.c_str(), nullptr);
    if (!line2.empty()) worksheet_write_string(ws, 2, 0, line2.c_str(), nullptr);
}

void write_header_row(OfficerBook& book, lxw_worksheet* ws, lxw_row_t row,
                      std::span<const SheetColumn> columns) {
    for (size_t c = 0; c < columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(ws, row, col, columns[c].title, book.header);
        worksheet_set_column(ws, col, col, columns[c].width, nullptr);
    }
    worksheet_freeze_panes(ws, row + 1, 0);
}

}  // namespace thidua
