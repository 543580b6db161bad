#include "io/xlsx/SheetCsv.h"

#include <algorithm>

#include "base/Text.h"
#include "io/dataset/CellParsers.h"

namespace thidua {
namespace {

// Title rows are looked for above the header only this far down.
constexpr int kMaxTitleRows = 10;

std::string lower_trimmed(std::string_view text) {
    std::string out(trim_cell(text));
    for (char& c : out)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

bool SheetCsv::is_header(const std::vector<SheetCell>& cells) const {
    for (const SheetCell& cell : cells) {
        const std::string name = lower_trimmed(cell.text);
        for (const SchemaColumn& column : m_file.columns) {
            if (column.name == name) return true;
        }
    }
    return false;
}

bool SheetCsv::is_title_row(const std::vector<SheetCell>& cells) const {
    return cells.size() <= 1 && m_rows_seen <= kMaxTitleRows;
}

void SheetCsv::row(int row, const std::vector<SheetCell>& cells) {
    bool any = false;
    for (const SheetCell& c : cells)
        any = any || !trim_cell(c.text).empty();
    if (!any) return;
    ++m_rows_seen;
    if (m_state == State::Seeking) {
        const bool header = is_header(cells);
        if (!header && is_title_row(cells)) {
            m_held.emplace_back(row, cells);
            return;
        }
        // The first row that is not a title is the header, even without one known name (the
        // checks then report its columns); what was held above it were titles.
        m_held.clear();
        take_header(row, cells);
        return;
    }
    if (m_state == State::AfterHeader) {
        m_state = State::Body;
        if (continues_header(cells)) {
            merge_header(cells);
            emit_header();
            return;
        }
        emit_header();
        bool titles = true;
        for (const SheetCell& c : cells) {
            const auto title = m_title_of_col.find(c.col);
            titles = titles && title != m_title_of_col.end() &&
                     to_nfc(trim_cell(c.text)) == title->second;
        }
        if (titles) return;
    }
    append(row, cells);
}

// Rows held while looking for a header that never came are the table itself: the first is the
// header (the checks report what is wrong with it).
void SheetCsv::finish() {
    if (m_state == State::AfterHeader) {
        emit_header();  // a header with no rows under it
        m_state = State::Body;
    }
    if (m_state != State::Seeking || m_held.empty()) return;
    auto held = std::move(m_held);
    m_held.clear();
    take_header(held.front().first, held.front().second);
    emit_header();
    m_state = State::Body;
    for (size_t i = 1; i < held.size(); ++i)
        append(held[i].first, held[i].second);
}

void SheetCsv::take_header(int row, const std::vector<SheetCell>& cells) {
    m_header_row = row;
    m_header_cells = cells;
    m_state = State::AfterHeader;
}

// The row under a header continues it when it names a column the header row does not: the
// header row then held group titles ("Chỉ số CCHC" merged over par_score, par_max, ...).
bool SheetCsv::continues_header(const std::vector<SheetCell>& cells) const {
    for (const SheetCell& c : cells) {
        const std::string name = lower_trimmed(c.text);
        const bool known = std::any_of(m_file.columns.begin(), m_file.columns.end(),
                                       [&](const SchemaColumn& col) { return col.name == name; });
        if (!known) continue;
        const bool in_header =
            std::any_of(m_header_cells.begin(), m_header_cells.end(),
                        [&](const SheetCell& h) { return lower_trimmed(h.text) == name; });
        if (!in_header) return true;
    }
    return false;
}

// Column by column, the lower row's name wins where it has one (a vertically merged cell leaves
// it blank, and the upper row's name stands).
void SheetCsv::merge_header(const std::vector<SheetCell>& cells) {
    std::map<int, SheetCell> by_col;
    for (const SheetCell& c : m_header_cells)
        by_col[c.col] = c;
    for (const SheetCell& c : cells)
        if (!trim_cell(c.text).empty()) by_col[c.col] = c;
    m_header_cells.clear();
    for (auto& [col, cell] : by_col)
        m_header_cells.push_back(cell);
}

void SheetCsv::emit_header() {
    const std::vector<SheetCell>& cells = m_header_cells;
    for (const SheetCell& c : cells) {
        const std::string name = lower_trimmed(c.text);
        m_col_of_name.emplace(name, c.col);
        m_col_of_name.emplace(std::string(trim_cell(c.text)), c.col);
        for (const SchemaColumn& column : m_file.columns) {
            if (column.name == name) m_title_of_col[c.col] = column.title_vi;
        }
    }
    append(m_header_row, cells);
}

void SheetCsv::append(int row, const std::vector<SheetCell>& cells) {
    int col = 0;
    for (const SheetCell& c : cells) {
        for (; col < c.col; ++col)
            m_csv += ',';
        append_field(m_csv, c.text);
    }
    m_csv += '\n';
    // Quoted line breaks make one record span several CSV lines; each maps to the same row.
    size_t lines = 0;
    for (const SheetCell& c : cells)
        lines += static_cast<size_t>(std::count(c.text.begin(), c.text.end(), '\n'));
    m_line_rows.insert(m_line_rows.end(), lines + 1, row);
}

int SheetCsv::sheet_row(int csv_line) const {
    if (csv_line < 1 || static_cast<size_t>(csv_line) > m_line_rows.size()) return 0;
    return m_line_rows[static_cast<size_t>(csv_line - 1)];
}

int SheetCsv::column_of(std::string_view field) const {
    const auto found = m_col_of_name.find(field);
    return found == m_col_of_name.end() ? -1 : found->second;
}

}  // namespace thidua
