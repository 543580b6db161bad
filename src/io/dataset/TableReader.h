#pragma once
// One dataset CSV file read against its column list: the header is checked (unknown, duplicate
// and missing columns), blank rows are skipped, every row is checked for invalid UTF-8, surplus
// values and blank required cells, and typed getters parse cells and report bad ones. Getters
// return the "not known" value (NaN, kUnknown, nullopt) for blank and for bad cells alike; a bad
// cell has been reported, so the import fails anyway.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/Date.h"
#include "io/dataset/CsvReader.h"
#include "io/dataset/DiagnosticSink.h"
#include "model/Dataset.h"

namespace thidua {

struct Column {
    std::string_view name;
    bool required = false;
};

class TableReader {
public:
    // `content` must outlive the reader. Without a header row the table has no rows, which is
    // an error only when `header_required`.
    TableReader(std::string file, std::string_view content, std::span<const Column> columns,
                DiagnosticSink& sink, bool header_required);

    // A reader of the rows in `rows`, a line-aligned part of the table `header_of` read the
    // header of (CsvParts.h), starting on physical line `first_line`. Problems go to `sink`, so
    // that parts can be read on several threads and their problems joined in order.
    TableReader(const TableReader& header_of, std::string_view rows, int first_line,
                DiagnosticSink& sink);

    // The rows not yet read, and the line they start on: what CsvParts splits.
    std::string_view rest() const { return m_content.substr(m_csv.offset()); }
    int rest_line() const { return m_csv.next_line(); }
    bool usable() const { return m_usable; }
    // The caller has checked that the whole content is valid UTF-8 (an encoding filter did):
    // rows are not checked again. Readers of its parts inherit it.
    void assume_valid_utf8() { m_all_utf8 = 1; }
    // ... and that it is NFC: text() need not normalize.
    void assume_nfc() { m_all_nfc = true; }

    bool next_row();
    int line() const { return m_csv.line(); }

    // For a caller that reads its common rows faster by itself (PlainLine.h) and leaves the
    // others to next_row(): whether the header is exactly the column list, in its order; the
    // text not yet read; and take_line(n), which moves past a row of n bytes the caller has read
    // (CsvReader::skip_line) and returns its line.
    bool header_is_column_list() const;
    std::string_view unread() const { return m_csv.unread(); }
    int take_line(size_t bytes) {
        m_csv.skip_line(bytes);
        return m_csv.line();
    }
    const std::string& file() const { return m_file; }

    // The trimmed cell of a column of the column list; empty when the file lacks the column.
    std::string_view cell(size_t col) const { return m_cells[col]; }
    bool blank(size_t col) const { return m_cells[col].empty(); }

    void report(size_t col, std::string vi, std::string en) const;
    void report_value(size_t col, std::string_view value, std::string vi, std::string en) const;

    std::string text(size_t col) const;  // NFC
    // The id, also when it breaks the id pattern (reported): references to it then resolve and
    // do not add noise. nullopt when blank.
    std::optional<std::string_view> id(size_t col) const;
    std::vector<std::string_view> id_list(size_t col) const;  // ';'-separated
    double number(size_t col) const;
    double percentage(size_t col) const;
    std::optional<int> year(size_t col) const;
    std::optional<int64_t> count(size_t col, int64_t min) const;  // a whole number >= min
    std::optional<Date> date(size_t col) const;
    std::optional<Date> recent_date(size_t col) const;  // year in kMinYear..kMaxYear
    int8_t flag(size_t col) const;
    int8_t disciplined(size_t col) const;
    int8_t scale(size_t col, const Scale& scale) const;
    std::optional<std::string> period(size_t col) const;

private:
    void read_header(bool header_required);
    void map_header_field(size_t field, std::string_view raw);
    void report_header(std::string_view name, std::string vi, std::string en) const;
    void flush_csv_errors();
    bool load_row();
    void check_utf8();
    void check_surplus() const;
    void check_required() const;
    void add(int line, std::string_view field, std::string_view value, std::string vi,
             std::string en) const;

    std::string m_file;
    std::string_view m_content;
    std::span<const Column> m_columns;
    DiagnosticSink& m_sink;
    CsvReader m_csv;
    size_t m_csv_errors_seen = 0;
    bool m_usable = true;  // false when the header lacks a required column
    // The rows are valid UTF-8, so cells need no check of their own: -1 until the first row
    // is read (a reader only used for its header, CsvParts, never scans the file).
    int8_t m_all_utf8 = -1;
    bool m_all_nfc = false;
    std::vector<int> m_field_of;  // column -> CSV field, -1 when absent
    std::vector<bool> m_unnamed;  // CSV field -> header cell was blank
    bool m_any_unnamed = false;
    size_t m_header_size = 0;
    std::vector<std::string_view> m_trimmed;  // CSV field -> its trimmed text
    std::vector<std::string_view> m_cells;
    std::vector<uint8_t> m_invalid;  // column -> cell was not UTF-8 (reported, reads as blank)
};

}  // namespace thidua
