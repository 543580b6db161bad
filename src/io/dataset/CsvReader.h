#pragma once
// RFC 4180 over a whole file held in memory, as Excel writes it: optional UTF-8 BOM, CRLF or LF
// (or a lone CR) line ends, quoted fields with "" escapes and commas or line breaks inside.
// Fields are views into the input; only fields with a "" escape are copied, so reading
// millions of rows allocates almost nothing.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

enum class CsvErrorKind : uint8_t {
    UnterminatedQuote,  // a quoted field runs to the end of the file
    StrayQuote,         // a quote inside an unquoted field, or text after a closing quote
};

struct CsvError {
    CsvErrorKind kind;
    int line = 0;  // physical line of the record, 1-based
};

class CsvReader {
public:
    // `data` must outlive the reader and the fields it returns. `first_line` is the physical
    // line `data` starts on, when it is a part of a larger text (see CsvParts.h).
    explicit CsvReader(std::string_view data, int first_line = 1);

    // Moves to the next record; false at the end of the input. A record with a syntax error is
    // skipped (the rest of its line is dropped) and recorded in errors().
    bool next();

    // The fields of the current record, valid until the next call to next(). An empty line is a
    // record with one empty field.
    std::span<const std::string_view> fields() const { return m_fields; }
    // Physical line where the current record starts, counting the first line as 1.
    int line() const { return m_line; }
    const std::vector<CsvError>& errors() const { return m_errors; }
    // Where the records not yet read start: a byte offset into `data`, and its physical line.
    size_t offset() const { return m_pos; }
    int next_line() const { return m_next_line; }

    // For a caller that reads plain one-line records by itself: the input not yet read, and
    // skip_line(n) moves past such a record of n bytes, its line end included. The caller has
    // made sure it is one physical line: no quote, and no CR but one before the final LF.
    std::string_view unread() const { return m_data.substr(m_pos); }
    void skip_line(size_t bytes) {
        m_line = m_next_line++;
        m_pos += bytes;
    }

private:
    struct Span {
        bool in_scratch;
        size_t offset;
        size_t length;
    };

    bool read_simple_record();
    bool read_record();
    bool read_quoted_field();
    bool read_plain_field();
    bool at_record_end() const;
    void skip_line_end();
    void skip_rest_of_line();
    void advance_lines(size_t from, size_t to);
    void fail(CsvErrorKind kind);

    std::string_view m_data;
    size_t m_pos = 0;
    int m_next_line = 1;  // physical line at m_pos
    int m_line = 0;
    std::vector<Span> m_spans;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;  // unescaped fields of the current record
    std::vector<CsvError> m_errors;
};

}  // namespace thidua
