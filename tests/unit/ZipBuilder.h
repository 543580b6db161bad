#pragma once
// Builds a zip archive in memory (libzip) from (name, content) pairs: hand-written XLSX packages
// and zips of CSVs for tests.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <zip.h>

namespace thidua::testing_support {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

inline std::string build_zip(const ZipEntries& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : entries) {
        zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
    std::string out;
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    out.resize(st.size);
    zip_source_open(buffer);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

// A minimal transitional XLSX package around the given sheets (name -> sheetData XML rows),
// with optional shared strings and styles. Parts live where Excel puts them unless a test
// builds its own package.
struct XlsxSheet {
    std::string name;
    std::string rows;        // the inside of <sheetData>
    std::string after = "";  // after </sheetData>: <mergeCells> etc.
};

inline std::string xlsx_package(const std::vector<XlsxSheet>& sheets,
                                const std::string& shared_strings = "",
                                const std::string& styles = "", bool date1904 = false) {
    const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    ZipEntries e;
    e.push_back({"[Content_Types].xml",
                 "<?xml version=\"1.0\"?><Types "
                 "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
    e.push_back({"_rels/.rels",
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                 "relationships\"><Relationship Id=\"rId1\" Type=\"" +
                     rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    std::string wb = "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rel + "\">";
    if (date1904) wb += "<workbookPr date1904=\"1\"/>";
    wb += "<sheets>";
    std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (size_t i = 0; i < sheets.size(); ++i) {
        const std::string id = "rId" + std::to_string(i + 10);
        const std::string part = "worksheets/sheet" + std::to_string(i + 1) + ".xml";
        wb += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + std::to_string(i + 1) +
              "\" r:id=\"" + id + "\"/>";
        rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel + "/worksheet\" Target=\"" + part +
                "\"/>";
        e.push_back({"xl/" + part, "<worksheet xmlns=\"" + ns + "\"><sheetData>" + sheets[i].rows +
                                       "</sheetData>" + sheets[i].after + "</worksheet>"});
    }
    wb += "</sheets></workbook>";
    if (!shared_strings.empty()) {
        rels += "<Relationship Id=\"rId1\" Type=\"" + rel +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        e.push_back(
            {"xl/sharedStrings.xml", "<sst xmlns=\"" + ns + "\">" + shared_strings + "</sst>"});
    }
    if (!styles.empty()) {
        rels += "<Relationship Id=\"rId2\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>";
        e.push_back(
            {"xl/styles.xml", "<styleSheet xmlns=\"" + ns + "\">" + styles + "</styleSheet>"});
    }
    rels += "</Relationships>";
    e.push_back({"xl/workbook.xml", wb});
    e.push_back({"xl/_rels/workbook.xml.rels", rels});
    return build_zip(e);
}

// An inline-string cell.
inline std::string istr(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

inline std::string inline_row(int row, const std::vector<std::string>& texts) {
    std::string out = "<row r=\"" + std::to_string(row) + "\">";
    for (size_t i = 0; i < texts.size(); ++i) {
        if (texts[i].empty()) continue;
        out += istr(std::string(1, static_cast<char>('A' + i)) + std::to_string(row), texts[i]);
    }
    return out + "</row>";
}

}  // namespace thidua::testing_support
