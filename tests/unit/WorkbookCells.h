#pragma once
// Reads a written workbook back for tests: sheet names, cells as the dataset reader sees them
// (io/xlsx: dates by their number format as YYYY-MM-DD) or raw (a date cell as its serial
// number), a cell's background fill and a sheet's XML (panes, filters).

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/xlsx/SheetReader.h"
#include "io/xlsx/XlsxPackage.h"
#include "io/xlsx/XlsxParts.h"

namespace thidua::testing_support {

using Cells = std::map<int, std::map<int, std::string>>;  // 1-based row -> 0-based col -> text

class RowsSink : public SheetRowSink {
public:
    void row(int row, const std::vector<SheetCell>& cells) override {
        for (const SheetCell& c : cells)
            rows[row][c.col] = c.text;
    }
    Cells rows;
};

class Workbook {
public:
    explicit Workbook(const std::filesystem::path& path) {
        auto archive = ZipArchive::open_file(path);
        if (!archive) {
            ADD_FAILURE() << path << ": " << archive.error().en;
            return;
        }
        m_archive.emplace(std::move(*archive));
        auto book = open_xlsx_workbook(*m_archive);
        if (!book) {
            ADD_FAILURE() << book.error().en;
            return;
        }
        m_book = std::move(*book);
        if (m_book.shared_strings)
            m_strings = read_shared_strings(*m_archive, *m_book.shared_strings)
                            .value_or(std::vector<std::string>{});
        if (m_book.styles)
            m_dates = read_date_styles(*m_archive, *m_book.styles).value_or(std::vector<bool>{});
    }

    std::vector<std::string> sheet_names() const {
        std::vector<std::string> out;
        for (const XlsxSheetRef& s : m_book.sheets)
            out.push_back(s.name);
        return out;
    }

    // Cells as the dataset reader sees them: date-formatted numbers as YYYY-MM-DD. Without the
    // styles, the raw values: a real date cell then reads as its serial number.
    Cells cells(const std::string& sheet, bool with_styles = true) {
        RowsSink sink;
        const XlsxSheetRef* ref = find(sheet);
        if (ref == nullptr) return {};
        const std::vector<bool> none;
        const SheetContext context{&m_strings, with_styles ? &m_dates : &none, m_book.date1904};
        EXPECT_TRUE(read_sheet(*m_archive, ref->entry, context, sink));
        return sink.rows;
    }

    std::string sheet_xml(const std::string& sheet) {
        const XlsxSheetRef* ref = find(sheet);
        return ref ? m_archive->read(ref->entry).value_or("") : "";
    }

    // The background colour ("FFFFC7CE") of a cell ("I5"); empty when it has none.
    std::string fill(const std::string& sheet, const std::string& cell) {
        pugi::xml_document xml, styles;
        const std::string sheet_text = sheet_xml(sheet);
        const std::string styles_text = m_archive->read(*m_book.styles).value_or("");
        xml.load_string(sheet_text.c_str());
        styles.load_string(styles_text.c_str());
        const pugi::xml_node c = xml.select_node(("//c[@r='" + cell + "']").c_str()).node();
        if (!c) return "";
        const int xf = c.attribute("s").as_int(0);
        const auto xfs = styles.select_nodes("/styleSheet/cellXfs/xf");
        if (static_cast<size_t>(xf) >= xfs.size()) return "";
        const int fill = xfs[static_cast<size_t>(xf)].node().attribute("fillId").as_int(0);
        const auto fills = styles.select_nodes("/styleSheet/fills/fill");
        if (static_cast<size_t>(fill) >= fills.size()) return "";
        return fills[static_cast<size_t>(fill)]
            .node()
            .child("patternFill")
            .child("fgColor")
            .attribute("rgb")
            .value();
    }

private:
    const XlsxSheetRef* find(const std::string& sheet) const {
        for (const XlsxSheetRef& s : m_book.sheets)
            if (s.name == sheet) return &s;
        ADD_FAILURE() << "no sheet " << sheet;
        return nullptr;
    }

    std::optional<ZipArchive> m_archive;
    XlsxWorkbook m_book;
    std::vector<std::string> m_strings;
    std::vector<bool> m_dates;
};

inline std::string at(const Cells& cells, int row, int col) {
    const auto r = cells.find(row);
    if (r == cells.end()) return "";
    const auto c = r->second.find(col);
    return c == r->second.end() ? "" : c->second;
}

// The first row whose column `col` holds `value`; 0 when none does.
inline int row_of(const Cells& cells, int col, const std::string& value) {
    for (const auto& [row, cols] : cells) {
        const auto c = cols.find(col);
        if (c != cols.end() && c->second == value) return row;
    }
    return 0;
}

inline std::vector<std::string> row_texts(const Cells& cells, int row) {
    std::vector<std::string> out;
    const auto r = cells.find(row);
    if (r == cells.end()) return out;
    for (const auto& [col, text] : r->second)
        out.push_back(text);
    return out;
}

}  // namespace thidua::testing_support
