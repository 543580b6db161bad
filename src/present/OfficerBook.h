#pragma once
// What the officers' workbooks (registration board, dossier board) share, so they look like
// EvaluationXlsx: a bold title row, a header of bold wrapped text on light blue with borders,
// dates as real Excel dates shown dd/mm/yyyy, and background fills to mark a cell's state.
// A thin layer over libxlsxwriter; sheets are written with its worksheet_* calls.

#include <filesystem>
#include <map>
#include <span>
#include <string>

#include <xlsxwriter.h>
#include <tl/expected.hpp>

#include "base/Date.h"

namespace thidua {

// Light fills in Excel's own "good / neutral / bad" colours, and a grey for "no judgement".
constexpr uint32_t kFillGood = 0xC6EFCE;
constexpr uint32_t kFillNeutral = 0xFFEB9C;
constexpr uint32_t kFillBad = 0xFFC7CE;
constexpr uint32_t kFillGrey = 0xEDEDED;

struct SheetColumn {
    const char* title;
    double width;
};

class OfficerBook {
public:
    explicit OfficerBook(const std::filesystem::path& path);
    ~OfficerBook();
    OfficerBook(const OfficerBook&) = delete;
    OfficerBook& operator=(const OfficerBook&) = delete;

    bool ok() const { return m_book != nullptr; }
    lxw_worksheet* sheet(const std::string& name);
    // A cell format with this background, made once per colour (Excel caps a workbook's formats).
    lxw_format* fill(uint32_t rgb);
    // Writes the file; libxlsxwriter's error text when it fails.
    tl::expected<void, std::string> close();

    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* date = nullptr;

private:
    lxw_workbook* m_book = nullptr;
    std::map<uint32_t, lxw_format*> m_fills;
};

// Excel's serial day number (1900 date system) of a date.
double excel_serial(const Date& d);
void write_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Date& d, lxw_format* format);

// The title (row 0) and up to two lines under it (rows 1 and 2), left blank when empty.
void write_title(OfficerBook& book, lxw_worksheet* ws, const std::string& title,
                 const std::string& line1, const std::string& line2);

// The header row with its column widths; panes frozen under it. The filter is set separately,
// once the last row is known.
void write_header_row(OfficerBook& book, lxw_worksheet* ws, lxw_row_t row,
                      std::span<const SheetColumn> columns);

}  // namespace thidua
