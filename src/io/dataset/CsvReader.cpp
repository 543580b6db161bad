#include "io/dataset/CsvReader.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "base/Swar.h"

namespace thidua {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Bytes that end an unquoted field (or make it malformed); a table keeps the hot loop to one
// load and one branch per byte.
constexpr std::array<bool, 256> make_special() {
    std::array<bool, 256> special{};
    special[static_cast<unsigned char>(',')] = true;
    special[static_cast<unsigned char>('\r')] = true;
    special[static_cast<unsigned char>('\n')] = true;
    special[static_cast<unsigned char>('"')] = true;
    return special;
}
constexpr std::array<bool, 256> kSpecial = make_special();

bool is_line_end(char c) {
    return c == '\r' || c == '\n';
}

using swar::bytes_equal;

}  // namespace

CsvReader::CsvReader(std::string_view data, int first_line)
    : m_data(data), m_next_line(first_line) {
    if (m_data.starts_with(kBom)) m_pos = kBom.size();
}

bool CsvReader::next() {
    while (m_pos < m_data.size()) {
        if (read_simple_record() || read_record()) return true;
    }
    return false;
}

// Nearly every record of a data file is one line without quotes or carriage returns inside:
// its commas are found eight bytes at a time (hand-written: no packaged CSV parser reads a
// text in place with the line each record starts on). Anything else is left to read_record().
bool CsvReader::read_simple_record() {
    if constexpr (std::endian::native != std::endian::little) return false;
    const char* text = m_data.data();
    const size_t size = m_data.size();
    const void* newline = std::memchr(text + m_pos, '\n', size - m_pos);
    size_t end = newline ? static_cast<size_t>(static_cast<const char*>(newline) - text) : size;
    const size_t next = newline ? end + 1 : size;
    if (end > m_pos && text[end - 1] == '\r') --end;
    m_fields.clear();
    size_t start = m_pos, i = m_pos;
    for (; i + 8 <= end; i += 8) {
        const uint64_t word = swar::load(text + i);
        if ((bytes_equal(word, '"') | bytes_equal(word, '\r')) != 0) return false;
        for (uint64_t commas = bytes_equal(word, ','); commas != 0; commas &= commas - 1) {
            const size_t at = i + static_cast<size_t>(std::countr_zero(commas)) / 8;
            m_fields.emplace_back(text + start, at - start);
            start = at + 1;
        }
    }
    for (; i < end; ++i) {
        if (text[i] == '"' || text[i] == '\r') return false;
        if (text[i] != ',') continue;
        m_fields.emplace_back(text + start, i - start);
        start = i + 1;
    }
    m_fields.emplace_back(text + start, end - start);
    m_line = m_next_line++;
    m_pos = next;
    return true;
}

bool CsvReader::read_record() {
    m_line = m_next_line;
    m_spans.clear();
    m_scratch.clear();
    for (;;) {
        const bool quoted = m_pos < m_data.size() && m_data[m_pos] == '"';
        if (!(quoted ? read_quoted_field() : read_plain_field())) return false;
        if (m_pos >= m_data.size()) break;
        if (m_data[m_pos] != ',') {
            skip_line_end();
            break;
        }
        ++m_pos;
    }
    // Views are made only now: m_scratch may have moved while the record grew.
    m_fields.resize(m_spans.size());
    for (size_t i = 0; i < m_spans.size(); ++i) {
        const Span& s = m_spans[i];
        m_fields[i] = s.in_scratch ? std::string_view(m_scratch).substr(s.offset, s.length)
                                   : m_data.substr(s.offset, s.length);
    }
    return true;
}

bool CsvReader::read_plain_field() {
    const size_t start = m_pos;
    const size_t size = m_data.size();
    while (m_pos < size && !kSpecial[static_cast<unsigned char>(m_data[m_pos])])
        ++m_pos;
    if (m_pos < size && m_data[m_pos] == '"') {
        fail(CsvErrorKind::StrayQuote);
        return false;
    }
    m_spans.push_back({false, start, m_pos - start});
    return true;
}

bool CsvReader::read_quoted_field() {
    const size_t start = m_pos + 1;
    size_t pos = start;
    bool escaped = false;
    size_t close = std::string_view::npos;
    while (close == std::string_view::npos) {
        const size_t quote = m_data.find('"', pos);
        if (quote == std::string_view::npos) {
            m_errors.push_back({CsvErrorKind::UnterminatedQuote, m_line});
            m_pos = m_data.size();
            return false;
        }
        if (quote + 1 < m_data.size() && m_data[quote + 1] == '"') {
            escaped = true;
            pos = quote + 2;
        } else {
            close = quote;
        }
    }
    advance_lines(start, close);
    m_pos = close + 1;
    if (m_pos < m_data.size() && m_data[m_pos] != ',' && !is_line_end(m_data[m_pos])) {
        fail(CsvErrorKind::StrayQuote);
        return false;
    }
    const std::string_view raw = m_data.substr(start, close - start);
    if (!escaped) {
        m_spans.push_back({false, start, raw.size()});
        return true;
    }
    const size_t offset = m_scratch.size();
    for (size_t i = 0; i < raw.size(); ++i) {
        m_scratch += raw[i];
        if (raw[i] == '"') ++i;  // the second quote of a "" pair
    }
    m_spans.push_back({true, offset, m_scratch.size() - offset});
    return true;
}

void CsvReader::skip_line_end() {
    if (m_pos < m_data.size() && m_data[m_pos] == '\r') ++m_pos;
    if (m_pos < m_data.size() && m_data[m_pos] == '\n') ++m_pos;
    ++m_next_line;
}

void CsvReader::skip_rest_of_line() {
    while (m_pos < m_data.size() && !is_line_end(m_data[m_pos]))
        ++m_pos;
    if (m_pos < m_data.size()) skip_line_end();
}

// Line breaks inside a quoted field still move the physical line count, so that later records
// are reported where a text editor shows them.
void CsvReader::advance_lines(size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
        const char c = m_data[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= m_data.size() || m_data[i + 1] != '\n')))
            ++m_next_line;
    }
}

void CsvReader::fail(CsvErrorKind kind) {
    m_errors.push_back({kind, m_line});
    skip_rest_of_line();
}

}  // namespace thidua
