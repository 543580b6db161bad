#pragma once
// One CSV line read cell by cell, left to right, by the readers of the largest files
// (ReadPeople.cpp, ReadPersonYears.cpp). Nearly every line of a generated or exported file is
// plain: ASCII ids, four-digit years, flags as 0 or 1, no quotes, nothing to trim, one cell per
// column. Such a line is read in one pass with no TableReader row, which cost most of a file's
// time (cutting, trimming, mapping and checking every cell, then parsing it again). A step that
// finds anything else says false, and the reader gives the whole line to the TableReader, which
// reads and reports it as before: a plain line gives the row the TableReader would, with no
// problem to report. Hand-written: the inner loop of a national import.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/dataset/CellParsers.h"
#include "io/dataset/TableReader.h"
#include "model/Dataset.h"

namespace thidua::detail {

class PlainLine {
public:
    explicit PlainLine(std::string_view text)
        : m_begin(text.data()), m_at(text.data()), m_end(text.data() + text.size()) {}

    bool comma() {
        if (m_at == m_end || *m_at != ',') return false;
        ++m_at;
        return true;
    }

    bool semicolon() {
        if (m_at == m_end || *m_at != ';') return false;
        ++m_at;
        return true;
    }

    // A run of id characters, blank when there is none: what ends it is the next step's check.
    std::string_view id() {
        const char* const start = m_at;
        while (m_at != m_end && is_id_char(*m_at))
            ++m_at;
        return {start, static_cast<size_t>(m_at - start)};
    }

    // The text up to the next comma or line end; false when it holds a quote or a CR (the
    // TableReader's to read) or has blanks to trim.
    bool text(std::string_view& out) {
        const char* const start = m_at;
        for (; m_at != m_end && *m_at != ',' && *m_at != '\n'; ++m_at) {
            if (*m_at == '"' || *m_at == '\r') return false;
        }
        out = {start, static_cast<size_t>(m_at - start)};
        return trim_cell(out).size() == out.size();
    }

    // Four digits of a year in kMinYear..kMaxYear: parse_year's own fast case.
    bool year(int16_t& out) {
        if (m_end - m_at < 4) return false;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            if (m_at[i] < '0' || m_at[i] > '9') return false;
            value = value * 10 + (m_at[i] - '0');
        }
        if (value < kMinYear || value > kMaxYear) return false;
        out = static_cast<int16_t>(value);
        m_at += 4;
        return true;
    }

    // "0" or "1", kUnknown when blank; anything else is left for the next step to refuse.
    int8_t flag() {
        if (m_at != m_end && (*m_at == '0' || *m_at == '1'))
            return static_cast<int8_t>(*m_at++ - '0');
        return kUnknown;
    }

    // After the last cell: the line's length with its line end (LF, CRLF or the end of the
    // text); 0 when the line goes on.
    size_t length_at_end() const {
        const char* at = m_at;
        if (at == m_end) return static_cast<size_t>(m_end - m_begin);
        if (*at == '\r' && m_end - at >= 2 && at[1] == '\n') ++at;
        return *at == '\n' ? static_cast<size_t>(at + 1 - m_begin) : 0;
    }

private:
    const char* m_begin;
    const char* m_at;
    const char* m_end;
};

// Every row of `table`, the plain ones first: `read_plain(text, row)` reads the line `text`
// starts with into a Row and says its length (0 when it is not plain), then `take(row, line)`
// keeps it; any other line goes to `read_row(table)` once the TableReader has read it.
template <typename Row, typename ReadPlain, typename Take, typename ReadRow>
void read_plain_lines_first(TableReader& table, ReadPlain read_plain, Take take, ReadRow read_row) {
    for (;;) {
        Row row;
        const size_t length = read_plain(table.unread(), row);
        if (length > 0) {
            take(std::move(row), table.take_line(length));
        } else if (table.next_row()) {
            read_row(table);
        } else {
            return;
        }
    }
}

}  // namespace thidua::detail
