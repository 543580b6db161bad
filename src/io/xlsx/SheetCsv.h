#pragma once
// A dataset sheet turned into the CSV text the dataset checks read, remembering where each CSV
// line came from so that problems can name the sheet's own row and cell.
//
// Layout users really make is accepted: title rows above the header (a single cell, often
// merged across the columns), a second header row of Vietnamese titles as the template writes,
// a two-row header whose first row holds group titles merged across several columns (the names
// are then taken from the second row wherever it has one), empty rows anywhere (dropped), empty
// trailing columns.

#include <map>
#include <string>
#include <vector>

#include "io/write/DatasetSchema.h"
#include "io/xlsx/SheetReader.h"

namespace thidua {

class SheetCsv : public SheetRowSink {
public:
    explicit SheetCsv(const SchemaFile& file) : m_file(file) {}

    void row(int row, const std::vector<SheetCell>& cells) override;
    // Call once the sheet is read: a sheet of title rows only still gets its header.
    void finish();

    std::string& csv() { return m_csv; }
    // The sheet row of a CSV line (1-based); 0 when unknown.
    int sheet_row(int csv_line) const;
    // The column of a header name as the CSV checks report it (lowercase id or the raw text);
    // -1 when no header cell has it.
    int column_of(std::string_view field) const;

private:
    enum class State { Seeking, AfterHeader, Body };

    bool is_header(const std::vector<SheetCell>& cells) const;
    bool is_title_row(const std::vector<SheetCell>& cells) const;
    void take_header(int row, const std::vector<SheetCell>& cells);
    bool continues_header(const std::vector<SheetCell>& cells) const;
    void merge_header(const std::vector<SheetCell>& cells);
    void emit_header();
    void append(int row, const std::vector<SheetCell>& cells);

    const SchemaFile& m_file;
    State m_state = State::Seeking;
    int m_rows_seen = 0;
    std::vector<std::pair<int, std::vector<SheetCell>>> m_held;  // rows before a header is found
    int m_header_row = 0;                            // the header waits for the row under it
    std::vector<SheetCell> m_header_cells;           // (which may complete it) before it is written
    std::map<int, std::string_view> m_title_of_col;  // header col -> Vietnamese title
    std::map<std::string, int, std::less<>> m_col_of_name;
    std::string m_csv;
    std::vector<int> m_line_rows;  // CSV line - 1 -> sheet row
};

}  // namespace thidua
