#include "io/xlsx/XlsxDatasetWriter.h"

#include <algorithm>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "io/write/DatasetTables.h"

namespace thidua {
namespace {

// Excel's day number of 1970-01-01 in the 1900 date system.
constexpr double kUnixEpochSerial = 25569;
constexpr lxw_row_t kLastRow = 1048575;

Diagnostics problem(const std::filesystem::path& path, std::string_view why) {
    Diagnostic d;
    d.file = path.string();
    d.message = fmt::format("Không ghi được tệp Excel ({})", why);
    d.message_en = fmt::format("cannot write the Excel file ({})", why);
    return {d};
}

double column_width(const SchemaColumn& c) {
    if (c.kind == ColumnKind::Text) return 40;
    if (c.kind == ColumnKind::Date) return 12;
    return std::clamp(static_cast<double>(c.name.size()) + 4, 10.0, 24.0);
}

// The workbook being written, with the formats every sheet shares.
class Book {
public:
    Book(const std::filesystem::path& path, bool constant_memory) {
        lxw_workbook_options options = {};
        options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
        options.use_zip64 = LXW_TRUE;  // a national person_years sheet passes 4 GB of XML
        m_book = workbook_new_opt(path.c_str(), &options);
        if (m_book == nullptr) return;
        header = workbook_add_format(m_book);
        format_set_bold(header);
        format_set_bg_color(header, 0xDDEBF7);
        title = workbook_add_format(m_book);
        format_set_italic(title);
        format_set_font_color(title, 0x595959);
        format_set_text_wrap(title);
        date = workbook_add_format(m_book);
        format_set_num_format(date, "yyyy-mm-dd");
        caption = workbook_add_format(m_book);
        format_set_bold(caption);
        format_set_font_size(caption, 14);
        text = workbook_add_format(m_book);
        format_set_num_format(text, "@");  // typed ids stay text ("007" keeps its zeros)
    }
    ~Book() {
        if (m_book != nullptr) workbook_close(m_book);
    }
    bool ok() const { return m_book != nullptr; }
    lxw_worksheet* sheet(const SchemaFile& file) {
        return workbook_add_worksheet(m_book, std::string(file.sheet).c_str());
    }
    // Writes the file; the error text when it fails.
    std::optional<std::string> close() {
        const lxw_error error = workbook_close(m_book);
        m_book = nullptr;
        if (error == LXW_NO_ERROR) return std::nullopt;
        return std::string(lxw_strerror(error));
    }

    lxw_format *header = nullptr, *title = nullptr, *caption = nullptr, *date = nullptr,
               *text = nullptr;

private:
    lxw_workbook* m_book = nullptr;
};

void write_header(Book& book, lxw_worksheet* ws, const SchemaFile& file, lxw_row_t row = 0) {
    for (size_t c = 0; c < file.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const SchemaColumn& column = file.columns[c];
        lxw_format* format = column.kind == ColumnKind::Id ? book.text : nullptr;
        if (column.kind == ColumnKind::Date) format = book.date;
        worksheet_set_column(ws, col, col, column_width(column), format);
        worksheet_write_string(ws, row, col, std::string(column.name).c_str(), book.header);
    }
}

// The Vietnamese title of every column, as the reader expects it under the header: all of them,
// exactly as the schema spells them.
void write_titles(Book& book, lxw_worksheet* ws, const SchemaFile& file, lxw_row_t row) {
    worksheet_set_row(ws, row, 45, nullptr);
    for (size_t c = 0; c < file.columns.size(); ++c) {
        const std::string title(file.columns[c].title_vi);
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), title.c_str(), book.title);
    }
}

class XlsxSink : public TableSink {
public:
    XlsxSink(Book& book, const XlsxDatasetLayout& layout) : m_book(book), m_layout(layout) {}

    // Rows are written top to bottom: constant-memory mode cannot go back up.
    void begin_table(const SchemaFile& file) override {
        m_sheet = m_book.sheet(file);
        m_row = 0;
        if (!m_layout.title.empty())
            worksheet_write_string(m_sheet, m_row++, 0, m_layout.title.c_str(), m_book.caption);
        write_header(m_book, m_sheet, file, m_row++);
        if (m_layout.vietnamese_titles) write_titles(m_book, m_sheet, file, m_row++);
        worksheet_freeze_panes(m_sheet, m_row, 0);
    }
    void row(std::span<const OutCell> cells) override {
        for (size_t c = 0; c < cells.size(); ++c)
            write_cell(static_cast<lxw_col_t>(c), cells[c]);
        ++m_row;
        overflow = overflow || m_row > kLastRow;
    }
    void end_table() override {}

    bool overflow = false;

private:
    void write_cell(lxw_col_t col, const OutCell& cell) {
        switch (cell.type) {
            case OutCell::Type::Blank:
                break;
            case OutCell::Type::Text:
                worksheet_write_string(m_sheet, m_row, col, cell.text.c_str(), nullptr);
                break;
            case OutCell::Type::Number:
                worksheet_write_number(m_sheet, m_row, col, cell.number, nullptr);
                break;
            case OutCell::Type::Date:
                worksheet_write_number(m_sheet, m_row, col, kUnixEpochSerial + cell.date.days(),
                                       m_book.date);
                break;
        }
    }

    Book& m_book;
    const XlsxDatasetLayout& m_layout;
    lxw_worksheet* m_sheet = nullptr;
    lxw_row_t m_row = 0;
};

// The workbook is written under a temporary name and renamed once complete.
template <class Fill>
tl::expected<void, Diagnostics> write_book(const std::filesystem::path& path, bool constant_memory,
                                           Fill fill) {
    const std::filesystem::path temp = path.string() + ".tmp.xlsx";
    std::optional<std::string> error;
    {
        Book book(temp, constant_memory);
        if (!book.ok()) return tl::unexpected(problem(path, "không tạo được tệp"));
        error = fill(book);
        const std::optional<std::string> closed = book.close();
        if (!error) error = closed;
    }
    std::error_code ec;
    if (!error) std::filesystem::rename(temp, path, ec);
    if (error || ec) {
        std::filesystem::remove(temp, ec);
        return tl::unexpected(problem(path, error ? *error : "không đổi tên được tệp tạm"));
    }
    return {};
}

void add_validation(lxw_worksheet* ws, lxw_col_t col, const SchemaColumn& column) {
    std::vector<std::string> values(column.choices.begin(), column.choices.end());
    std::vector<char*> list;  // libxlsxwriter 1.1 takes char** but only reads it
    for (std::string& v : values)
        list.push_back(v.data());
    list.push_back(nullptr);
    lxw_data_validation validation = {};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.show_error = LXW_VALIDATION_ON;
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    worksheet_data_validation_range(ws, 2, col, kLastRow, col, &validation);
}

void template_sheet(Book& book, const SchemaFile& file) {
    lxw_worksheet* ws = book.sheet(file);
    write_header(book, ws, file);
    write_titles(book, ws, file, 1);
    for (size_t c = 0; c < file.columns.size(); ++c) {
        const SchemaColumn& column = file.columns[c];
        if (column.kind == ColumnKind::Code) add_validation(ws, static_cast<lxw_col_t>(c), column);
    }
    worksheet_freeze_panes(ws, 2, 0);
}

}  // namespace

// Constant-memory mode keeps one row in memory whatever the sheet's size; it writes strings
// inline (t="inlineStr"), which our reader takes and Excel and LibreOffice read.
tl::expected<void, Diagnostics> write_dataset_xlsx(const Dataset& data,
                                                   const std::filesystem::path& path) {
    return write_dataset_xlsx(data, path, XlsxDatasetLayout{});
}

tl::expected<void, Diagnostics> write_dataset_xlsx(const Dataset& data,
                                                   const std::filesystem::path& path,
                                                   const XlsxDatasetLayout& layout) {
    return write_book(path, true, [&](Book& book) -> std::optional<std::string> {
        XlsxSink sink(book, layout);
        emit_dataset_tables(data, sink);
        if (sink.overflow) return "quá 1 048 576 dòng trong một trang tính";
        return std::nullopt;
    });
}

tl::expected<void, Diagnostics> write_dataset_xlsx_template(const std::filesystem::path& path) {
    return write_book(path, false, [&](Book& book) -> std::optional<std::string> {
        for (const SchemaFile& file : dataset_schema())
            template_sheet(book, file);
        return std::nullopt;
    });
}

}  // namespace thidua
