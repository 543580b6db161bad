#include "io/dataset/TableReader.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/Text.h"
#include "io/dataset/CellParsers.h"

namespace thidua {
namespace {

constexpr size_t kMaxValueBytes = 120;

// A value as it can be shown back to the user: invalid bytes spelled \xNN, long values cut.
std::string printable(std::string_view value) {
    std::string out;
    for (size_t i = 0; i < value.size() && out.size() < kMaxValueBytes;) {
        size_t length = 1;
        while (length <= 4 && i + length <= value.size() && !is_valid_utf8(value.substr(i, length)))
            ++length;
        if (length > 4 || i + length > value.size()) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned char>(value[i]));
            ++i;
        } else {
            out.append(value.substr(i, length));
            i += length;
        }
    }
    if (out.size() >= kMaxValueBytes) out += "…";
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string column_names(std::span<const Column> columns) {
    std::string out;
    for (const Column& c : columns)
        out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

std::string scale_ids(const Scale& scale) {
    std::string out;
    for (std::string_view id : scale.ids)
        out += (out.empty() ? "" : ", ") + std::string(id);
    return out;
}

}  // namespace

TableReader::TableReader(std::string file, std::string_view content,
                         std::span<const Column> columns, DiagnosticSink& sink,
                         bool header_required)
    : m_file(std::move(file)),
      m_content(content),
      m_columns(columns),
      m_sink(sink),
      m_csv(content),
      m_field_of(columns.size(), -1),
      m_cells(columns.size()),
      m_invalid(columns.size(), 0) {
    read_header(header_required);
}

TableReader::TableReader(const TableReader& header_of, std::string_view rows, int first_line,
                         DiagnosticSink& sink)
    : m_file(header_of.m_file),
      m_content(rows),
      m_columns(header_of.m_columns),
      m_sink(sink),
      m_csv(rows, first_line),
      m_usable(header_of.m_usable),
      m_all_utf8(header_of.m_all_utf8 == 1 ? int8_t{1} : int8_t{-1}),
      m_all_nfc(header_of.m_all_nfc),
      m_field_of(header_of.m_field_of),
      m_unnamed(header_of.m_unnamed),
      m_any_unnamed(header_of.m_any_unnamed),
      m_header_size(header_of.m_header_size),
      m_cells(header_of.m_columns.size()),
      m_invalid(header_of.m_columns.size(), 0) {}

void TableReader::add(int line, std::string_view field, std::string_view value, std::string vi,
                      std::string en) const {
    Diagnostic d;
    d.file = m_file;
    d.line = line;
    d.field = std::string(field);
    d.value = printable(value);
    d.message = std::move(vi);
    d.message_en = std::move(en);
    m_sink.add(std::move(d));
}

void TableReader::report(size_t col, std::string vi, std::string en) const {
    report_value(col, m_cells[col], std::move(vi), std::move(en));
}

void TableReader::report_value(size_t col, std::string_view value, std::string vi,
                               std::string en) const {
    add(line(), m_columns[col].name, value, std::move(vi), std::move(en));
}

void TableReader::report_header(std::string_view name, std::string vi, std::string en) const {
    add(1, name, {}, std::move(vi), std::move(en));
}

void TableReader::read_header(bool header_required) {
    if (!m_csv.next()) {
        flush_csv_errors();
        if (header_required)
            add(1, {}, {}, "Tệp trống: thiếu dòng tiêu đề", "the file is empty: no header row");
        m_usable = false;
        return;
    }
    flush_csv_errors();
    const auto fields = m_csv.fields();
    m_header_size = fields.size();
    m_unnamed.assign(fields.size(), false);
    for (size_t i = 0; i < fields.size(); ++i)
        map_header_field(i, fields[i]);
    m_any_unnamed = std::find(m_unnamed.begin(), m_unnamed.end(), true) != m_unnamed.end();
    for (size_t col = 0; col < m_columns.size(); ++col) {
        if (m_field_of[col] >= 0 || !m_columns[col].required) continue;
        report_header(m_columns[col].name, "Thiếu cột bắt buộc", "a required column is missing");
        m_usable = false;
    }
}

void TableReader::map_header_field(size_t field, std::string_view raw) {
    const std::string name = ascii_lower(trim_cell(raw));
    // Excel exports the empty columns right of the data as trailing commas.
    if (name.empty()) {
        m_unnamed[field] = true;
        return;
    }
    for (size_t col = 0; col < m_columns.size(); ++col) {
        if (m_columns[col].name != name) continue;
        if (m_field_of[col] >= 0) {
            add(1, name, {}, "Cột bị lặp lại", "duplicate column");
        } else {
            m_field_of[col] = static_cast<int>(field);
        }
        return;
    }
    add(1, printable(trim_cell(raw)), {},
        fmt::format("Cột không có trong đặc tả dữ liệu; các cột hợp lệ: {}",
                    column_names(m_columns)),
        fmt::format("unknown column; the valid columns are: {}", column_names(m_columns)));
}

void TableReader::flush_csv_errors() {
    const auto& errors = m_csv.errors();
    for (; m_csv_errors_seen < errors.size(); ++m_csv_errors_seen) {
        const CsvError& e = errors[m_csv_errors_seen];
        if (e.kind == CsvErrorKind::UnterminatedQuote) {
            add(e.line, {}, {}, "Dấu ngoặc kép được mở nhưng không được đóng đến hết tệp",
                "a quoted cell is never closed");
        } else {
            add(e.line, {}, {},
                "Dấu ngoặc kép đặt sai chỗ (ô có dấu \" phải được bao trong ngoặc kép, "
                "dấu \" bên trong viết thành \"\"); dòng bị bỏ qua",
                "misplaced quote (a cell containing \" must be quoted, with \" doubled); the row "
                "is skipped");
        }
    }
}

bool TableReader::next_row() {
    if (!m_usable) return false;
    while (m_csv.next()) {
        flush_csv_errors();
        if (load_row()) return true;
    }
    flush_csv_errors();
    return false;
}

bool TableReader::load_row() {
    const auto fields = m_csv.fields();
    m_trimmed.resize(fields.size());
    bool any = false;
    for (size_t i = 0; i < fields.size(); ++i) {
        m_trimmed[i] = trim_cell(fields[i]);
        any = any || !m_trimmed[i].empty();
    }
    if (!any) return false;
    for (size_t col = 0; col < m_columns.size(); ++col) {
        const int field = m_field_of[col];
        m_cells[col] = field >= 0 && static_cast<size_t>(field) < fields.size()
                           ? m_trimmed[static_cast<size_t>(field)]
                           : std::string_view();
        m_invalid[col] = 0;
    }
    if (m_all_utf8 < 0) m_all_utf8 = is_valid_utf8(m_content) ? 1 : 0;
    if (m_all_utf8 == 0) check_utf8();
    check_surplus();
    check_required();
    return true;
}

bool TableReader::header_is_column_list() const {
    if (m_header_size != m_columns.size()) return false;
    for (size_t col = 0; col < m_columns.size(); ++col) {
        if (m_field_of[col] != static_cast<int>(col)) return false;
    }
    return true;
}

void TableReader::check_utf8() {
    for (size_t col = 0; col < m_columns.size(); ++col) {
        if (is_valid_utf8(m_cells[col])) continue;
        report(col, "Không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dạng \"CSV UTF-8\")",
               "not valid UTF-8 text (save the file as \"CSV UTF-8\")");
        m_cells[col] = {};
        m_invalid[col] = 1;
    }
}

// Rows shorter than the header read as blank cells (hand-written files drop trailing commas);
// values beyond the header, or under a column without a name, would be silently lost.
void TableReader::check_surplus() const {
    if (m_trimmed.size() <= m_header_size && !m_any_unnamed) return;
    for (size_t i = 0; i < m_trimmed.size(); ++i) {
        const bool unnamed = i >= m_header_size || m_unnamed[i];
        if (!unnamed || m_trimmed[i].empty()) continue;
        add(line(), {}, m_csv.fields()[i],
            fmt::format("Giá trị ở cột thứ {} không có tên cột trong dòng tiêu đề", i + 1),
            fmt::format("value in column {} has no column name in the header", i + 1));
    }
}

void TableReader::check_required() const {
    for (size_t col = 0; col < m_columns.size(); ++col) {
        if (m_columns[col].required && m_cells[col].empty() && !m_invalid[col])
            report(col, "Ô bắt buộc bị để trống", "a required cell is blank");
    }
}

std::string TableReader::text(size_t col) const {
    // load_row() has blanked every cell that is not UTF-8.
    return m_all_nfc ? std::string(m_cells[col]) : to_nfc_of_valid(m_cells[col]);
}

std::optional<std::string_view> TableReader::id(size_t col) const {
    if (blank(col)) return std::nullopt;
    if (!is_valid_id(m_cells[col])) {
        report(col, "Mã không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, '.', '_' và '-'",
               "invalid id: use only letters without diacritics, digits, '.', '_' and '-'");
    }
    return m_cells[col];
}

std::vector<std::string_view> TableReader::id_list(size_t col) const {
    std::vector<std::string_view> ids;
    std::string_view rest = m_cells[col];
    while (!rest.empty()) {
        const size_t end = rest.find(';');
        const std::string_view item = trim_cell(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (item.empty()) continue;
        if (!is_valid_id(item)) {
            report_value(col, item,
                         "Mã không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, '.', '_' và '-' "
                         "(nhiều mã thì cách nhau bằng ';')",
                         "invalid id: use only letters without diacritics, digits, '.', '_' and "
                         "'-' (separate several ids with ';')");
        }
        ids.push_back(item);
    }
    return ids;
}

double TableReader::number(size_t col) const {
    if (blank(col)) return NAN;
    if (const std::optional<double> value = parse_number(m_cells[col])) return *value;
    report(col, "Không phải là số (viết 87,5 hoặc 87.5)", "not a number (write 87,5 or 87.5)");
    return NAN;
}

double TableReader::percentage(size_t col) const {
    if (blank(col)) return NAN;
    if (const std::optional<double> value = parse_percentage(m_cells[col])) return *value;
    report(col, "Phải là tỷ lệ phần trăm từ 0 đến 100", "must be a percentage from 0 to 100");
    return NAN;
}

std::optional<int> TableReader::year(size_t col) const {
    if (blank(col)) return std::nullopt;
    if (const std::optional<int> value = parse_year(m_cells[col])) return value;
    report(col,
           fmt::format("Năm không hợp lệ (phải là số nguyên từ {} đến {})", kMinYear, kMaxYear),
           fmt::format("invalid year (must be a whole number from {} to {})", kMinYear, kMaxYear));
    return std::nullopt;
}

std::optional<int64_t> TableReader::count(size_t col, int64_t min) const {
    if (blank(col)) return std::nullopt;
    const std::optional<int64_t> value = parse_integer(m_cells[col]);
    if (value && *value >= min && *value <= INT32_MAX) return value;
    report(col, fmt::format("Phải là số nguyên từ {} trở lên", min),
           fmt::format("must be a whole number of at least {}", min));
    return std::nullopt;
}

std::optional<Date> TableReader::date(size_t col) const {
    if (blank(col)) return std::nullopt;
    if (const std::optional<Date> value = parse_date(m_cells[col])) return value;
    report(col, "Ngày không hợp lệ (viết YYYY-MM-DD, DD/MM/YYYY hoặc số ngày kiểu Excel)",
           "invalid date (write YYYY-MM-DD, DD/MM/YYYY or an Excel date number)");
    return std::nullopt;
}

// Registrations, events and submissions happen in the years the product covers; a year far off
// is nearly always a plain number (a year, a count) read as an Excel day number.
std::optional<Date> TableReader::recent_date(size_t col) const {
    const std::optional<Date> value = date(col);
    if (!value || (value->year() >= kMinYear && value->year() <= kMaxYear)) return value;
    report(col, fmt::format("Ngày phải nằm trong các năm {} đến {}", kMinYear, kMaxYear),
           fmt::format("the date must fall in the years {} to {}", kMinYear, kMaxYear));
    return std::nullopt;
}

int8_t TableReader::flag(size_t col) const {
    if (const std::optional<int8_t> value = parse_flag(m_cells[col])) return *value;
    report(col, "Giá trị có/không không hợp lệ (dùng 1/0, có/không, true/false hoặc x)",
           "invalid yes/no value (use 1/0, có/không, true/false or x)");
    return kUnknown;
}

int8_t TableReader::disciplined(size_t col) const {
    if (const std::optional<int8_t> value = parse_disciplined(m_cells[col])) return *value;
    report(col, "Giá trị kỷ luật không hợp lệ (dùng 0, 1 hoặc review / đang xem xét)",
           "invalid disciplined value (use 0, 1 or review)");
    return kUnknown;
}

int8_t TableReader::scale(size_t col, const Scale& s) const {
    if (blank(col)) return kUnknown;
    if (const std::optional<int8_t> value = parse_scale_value(s, m_cells[col])) return *value;
    report(col, fmt::format("Giá trị không hợp lệ; dùng một trong: {}", scale_ids(s)),
           fmt::format("invalid value; use one of: {}", scale_ids(s)));
    return kUnknown;
}

std::optional<std::string> TableReader::period(size_t col) const {
    if (blank(col)) return std::nullopt;
    if (std::optional<std::string> value = parse_period(m_cells[col])) return value;
    report(col, "Giai đoạn không hợp lệ (viết 2023 hoặc 2021-2025)",
           "invalid period (write 2023 or 2021-2025)");
    return std::nullopt;
}

}  // namespace thidua
