#include "present/AuditXlsx.h"

#include <array>

#include "present/OfficerBook.h"

namespace thidua {

tl::expected<void, std::string> write_audit_xlsx(const std::vector<AuditEntry>& entries,
                                                 const std::string& filters,
                                                 const std::filesystem::path& path) {
    OfficerBook book(path);
    if (!book.ok()) return tl::unexpected(std::string("không tạo được tệp XLSX"));
    lxw_worksheet* ws = book.sheet("Nhật ký");
    write_title(book, ws, "Nhật ký thay đổi (mới nhất trước)",
                filters.empty() ? "Tất cả" : "Lọc: " + filters,
                std::to_string(entries.size()) + " dòng; thời gian theo giờ UTC");
    static constexpr std::array<SheetColumn, 6> kColumns{{{"Số", 8},
                                                          {"Thời gian (UTC)", 24},
                                                          {"Người thực hiện", 18},
                                                          {"Hành động", 22},
                                                          {"Đối tượng", 28},
                                                          {"Chi tiết", 80}}};
    const lxw_row_t header = 3;
    write_header_row(book, ws, header, kColumns);
    lxw_row_t row = header + 1;
    for (const AuditEntry& e : entries) {
        worksheet_write_number(ws, row, 0, static_cast<double>(e.id), nullptr);
        worksheet_write_string(ws, row, 1, e.at.c_str(), nullptr);
        worksheet_write_string(ws, row, 2, e.actor.c_str(), nullptr);
        worksheet_write_string(ws, row, 3, e.action.c_str(), nullptr);
        worksheet_write_string(ws, row, 4, e.subject.c_str(), nullptr);
        worksheet_write_string(ws, row, 5, e.detail.c_str(), book.wrap);
        ++row;
    }
    worksheet_autofilter(ws, header, 0, row > header + 1 ? row - 1 : header, kColumns.size() - 1);
    return book.close();
}

}  // namespace thidua
