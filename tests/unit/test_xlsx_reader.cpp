#include <gtest/gtest.h>

#include "ZipBuilder.h"
#include "io/xlsx/CellText.h"
#include "io/xlsx/XlsxDatasetReader.h"
#include "io/xlsx/XlsxPackage.h"
#include "io/xlsx/XlsxParts.h"

using namespace thidua;
using namespace thidua::testing_support;

namespace {

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const std::string kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

tl::expected<Dataset, Diagnostics> read(const std::string& bytes, Diagnostics* warnings = nullptr) {
    Diagnostics ignored;
    return read_dataset_xlsx_from_memory(bytes, "book.xlsx", warnings ? *warnings : ignored);
}

std::string all_messages(const Diagnostics& ds) {
    std::string out;
    for (const Diagnostic& d : ds)
        out += d.format() + " | " + d.message_en + "\n";
    return out;
}

// What Excel writes, by hand: shared strings with rich-text and phonetic runs, absolute and
// "../" relationship targets to parts with unusual names, a prefixed namespace, the 1904 date
// system, a built-in and a custom date format, inline strings, a formula with its cached value,
// cells and rows without references, a merged title row, a row of Vietnamese titles, numbers
// stored as text, booleans, _x000D_, and empty trailing rows and columns.
std::string excel_style_workbook() {
    ZipEntries e;
    e.push_back({"_rels/.rels", "<Relationships xmlns=\"" + kPkgRel +
                                    "\"><Relationship Id=\"R1\" Type=\"" + kRel +
                                    "/officeDocument\" Target=\"/xl/book.xml\"/></Relationships>"});
    e.push_back(
        {"xl/book.xml", "<x:workbook xmlns:x=\"" + kMain + "\" xmlns:r=\"" + kRel +
                            "\"><x:workbookPr date1904=\"true\"/><x:sheets>"
                            "<x:sheet name=\"Units\" sheetId=\"1\" r:id=\"A\"/>"
                            "<x:sheet name=\"unit_years\" sheetId=\"2\" r:id=\"B\"/>"
                            "<x:sheet name=\"Lists\" sheetId=\"3\" state=\"hidden\" r:id=\"C\"/>"
                            "</x:sheets></x:workbook>"});
    e.push_back({"xl/_rels/book.xml.rels", "<Relationships xmlns=\"" + kPkgRel +
                                               "\">"
                                               "<Relationship Id=\"A\" Type=\"" +
                                               kRel +
                                               "/worksheet\" Target=\"/xl/data/u.xml\"/>"
                                               "<Relationship Id=\"B\" Type=\"" +
                                               kRel +
                                               "/worksheet\" Target=\"data/../data/y.xml\"/>"
                                               "<Relationship Id=\"C\" Type=\"" +
                                               kRel +
                                               "/worksheet\" Target=\"data/l.xml\"/>"
                                               "<Relationship Id=\"S\" Type=\"" +
                                               kRel +
                                               "/sharedStrings\" Target=\"../xl/strings.xml\"/>"
                                               "<Relationship Id=\"T\" Type=\"" +
                                               kRel +
                                               "/styles\" Target=\"/xl/look.xml\"/>"
                                               "</Relationships>"});
    e.push_back({"xl/strings.xml",
                 "<sst xmlns=\"" + kMain +
                     "\" count=\"4\" uniqueCount=\"4\">"
                     "<si><t>DANH SÁCH ĐƠN VỊ</t></si>"
                     "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Ủy ban nhân dân </t></r>"
                     "<r><t>tỉnh Kiên Giang</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh>"
                     "<phoneticPr fontId=\"1\"/></si>"
                     "<si><t>id</t></si>"
                     "<si><t>87,5</t></si>"
                     "</sst>"});
    e.push_back({"xl/look.xml",
                 "<styleSheet xmlns=\"" + kMain +
                     "\"><numFmts count=\"1\">"
                     "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
                     "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
                     "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
                     "<xf numFmtId=\"2\"/></cellXfs></styleSheet>"});
    e.push_back(
        {"xl/data/u.xml",
         "<worksheet xmlns=\"" + kMain +
             "\"><sheetData>"
             "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
             "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>" +
             istr("B2", "Name") + istr("C2", "type") + istr("D2", "parent_id") +
             istr("G2", "active_from") +
             "</row>"
             "<row r=\"3\">" +
             istr("A3", "Mã đơn vị") + istr("B3", "Tên đơn vị") +
             "</row>"
             "<row r=\"4\">" +
             istr("A4", "KG") + "<c r=\"B4\" t=\"s\"><v>1</v></c>" + istr("C4", "province") +
             "<c r=\"G4\" s=\"1\"><v>38717</v></c>"
             "<c r=\"Z4\" t=\"inlineStr\"><is><t></t></is></c></row>"
             "<row><c t=\"inlineStr\"><is><t>SNV</t></is></c>"
             "<c t=\"inlineStr\"><is><r><t>Sở Nội vụ_x000D_</t></r><r><t>\ntầng 2</t></r></is></c>"
             "<c t=\"str\"><f>LOWER(\"DEPARTMENT\")</f><v>department</v></c>"
             "<c t=\"inlineStr\"><is><t>KG</t></is></c></row>"
             "<row r=\"6\"><c r=\"D6\" s=\"1\"/></row>"
             "<row r=\"40\"/>"
             "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:G1\"/></mergeCells>"
             "</worksheet>"});
    e.push_back(
        {"xl/data/y.xml", "<worksheet xmlns=\"" + kMain +
                              "\"><sheetData>"
                              "<row>" +
                              istr("A1", "unit_id") + istr("B1", "year") + istr("C1", "par_score") +
                              istr("D1", "head_leads") + istr("E1", "par_rank") +
                              "</row>"
                              "<row>" +
                              istr("A2", "SNV") +
                              "<c r=\"B2\"><v>2021</v></c>"
                              "<c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"b\"><v>1</v></c>"
                              "<c r=\"E2\" s=\"3\"><v>3.0000000000000000E+0</v></c></row>"
                              "</sheetData></worksheet>"});
    e.push_back({"xl/data/l.xml", "<worksheet xmlns=\"" + kMain + "\"><sheetData/></worksheet>"});
    return build_zip(e);
}

}  // namespace

TEST(XlsxCellText, UnescapesExcelEscapes) {
    EXPECT_EQ(unescape_ooxml("a_x000D_b"), "a\rb");
    EXPECT_EQ(unescape_ooxml("x_x005F_x000D_"), "x_x000D_");
    EXPECT_EQ(unescape_ooxml("_x00e9_"), "é");
    EXPECT_EQ(unescape_ooxml("_xZZZZ_ _x12"), "_xZZZZ_ _x12");
}

TEST(XlsxCellText, SerialDatesInBothSystems) {
    EXPECT_EQ(serial_to_iso("44628", false), "2022-03-08");
    EXPECT_EQ(serial_to_iso("44628.75", false), "2022-03-08");
    EXPECT_EQ(serial_to_iso("61", false), "1900-03-01");
    EXPECT_EQ(serial_to_iso("59", false), "1900-02-28");
    EXPECT_EQ(serial_to_iso("60", false), std::nullopt);  // Excel's 29 Feb 1900
    EXPECT_EQ(serial_to_iso("0", true), "1904-01-01");
    EXPECT_EQ(serial_to_iso("42808", true), "2021-03-15");
    EXPECT_EQ(serial_to_iso("abc", false), std::nullopt);
}

TEST(XlsxCellText, CellReferencesAndLetters) {
    EXPECT_EQ(parse_cell_ref("C7")->col, 2);
    EXPECT_EQ(parse_cell_ref("AA10")->col, 26);
    EXPECT_EQ(parse_cell_ref("AA10")->row, 10);
    EXPECT_FALSE(parse_cell_ref("7"));
    EXPECT_FALSE(parse_cell_ref("A0"));
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(16383), "XFD");
    EXPECT_EQ(plain_number("1.2345E+3"), "1.2345E+3");  // not a whole number: left as written
    EXPECT_EQ(plain_number("1.23E+15"), "1230000000000000");
    EXPECT_EQ(plain_number("87.5"), "87.5");
}

TEST(XlsxParts, DateFormatCodes) {
    EXPECT_TRUE(is_date_format_code("dd/mm/yyyy"));
    EXPECT_TRUE(is_date_format_code("[$-42A]d mmmm yyyy"));
    EXPECT_TRUE(is_date_format_code("mmm"));
    EXPECT_FALSE(is_date_format_code("mm:ss"));
    EXPECT_FALSE(is_date_format_code("[h]:mm"));
    EXPECT_FALSE(is_date_format_code("0.0\"dm\""));
    EXPECT_FALSE(is_date_format_code("#,##0"));
    EXPECT_FALSE(is_date_format_code("General"));
}

TEST(XlsxPackage, ResolvesRelativeAndAbsoluteTargets) {
    EXPECT_EQ(resolve_part("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    EXPECT_EQ(resolve_part("xl/workbook.xml", "/xl/worksheets/sheet1.xml"),
              "xl/worksheets/sheet1.xml");
    EXPECT_EQ(resolve_part("xl/workbook.xml", "../docProps/app.xml"), "docProps/app.xml");
    EXPECT_EQ(resolve_part("", "xl/workbook.xml"), "xl/workbook.xml");
}

TEST(XlsxReader, ReadsAnExcelStyleWorkbook) {
    Diagnostics warnings;
    auto data = read(excel_style_workbook(), &warnings);
    ASSERT_TRUE(data) << all_messages(data.error());
    ASSERT_EQ(data->units.size(), 2u);
    const Unit& kg = data->units[0];
    EXPECT_EQ(kg.id, "KG");
    EXPECT_EQ(kg.name, "Ủy ban nhân dân tỉnh Kiên Giang");
    EXPECT_EQ(kg.type, UnitType::Province);
    ASSERT_TRUE(kg.active_from);
    EXPECT_EQ(kg.active_from->iso(), "2010-01-01");
    const Unit& snv = data->units[1];
    EXPECT_EQ(snv.name, "Sở Nội vụ\r\ntầng 2");
    EXPECT_EQ(snv.type, UnitType::Department);
    EXPECT_EQ(snv.parent, 0);
    ASSERT_TRUE(data->has_unit_years);
    const size_t s = data->slot(1, 2021);
    EXPECT_EQ(data->unit_years.par_score[s], 87.5);
    EXPECT_EQ(data->unit_years.head_leads[s], 1);
    EXPECT_EQ(data->unit_years.par_rank[s], 3);
    EXPECT_TRUE(warnings.empty()) << all_messages(warnings);  // the hidden sheet is no warning
}

TEST(XlsxReader, BadCellIsNamedBySheetCellColumnAndValue) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    for (int r = 2; r <= 6; ++r)
        rows += inline_row(r, {"U" + std::to_string(r), "Đơn vị", "office"});
    rows += inline_row(7, {"U7", "Đơn vị bảy", "tinh"});
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    ASSERT_EQ(data.error().size(), 1u) << all_messages(data.error());
    const Diagnostic& d = data.error()[0];
    EXPECT_EQ(d.file, "[book.xlsx]units");
    EXPECT_EQ(d.line, 7);
    EXPECT_EQ(d.field, "type");
    EXPECT_EQ(d.value, "tinh");
    EXPECT_TRUE(d.message.starts_with("Ô C7: ")) << d.message;
    EXPECT_TRUE(d.message_en.starts_with("cell C7: ")) << d.message_en;
}

TEST(XlsxReader, RowsAfterBlankAndMultilineRowsKeepTheirSheetRow) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    rows += inline_row(2, {"A", "hai\ndòng\nba", "office"});
    rows += inline_row(9, {"B", "", "office"});  // required name blank, row 9
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error()[0].line, 9);
    EXPECT_TRUE(data.error()[0].message.starts_with("Ô B9: ")) << data.error()[0].message;
}

TEST(XlsxReader, ReferencesNameTheSheetNotTheCsvFile) {
    std::string rows = inline_row(1, {"id", "name", "type", "parent_id"});
    rows += inline_row(2, {"A", "Một", "office", "NOPE"});
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    const Diagnostic& d = data.error()[0];
    EXPECT_EQ(d.message.find("units.csv"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("trang tính \"units\""), std::string::npos) << d.message;
    EXPECT_TRUE(d.message.starts_with("Ô D2: ")) << d.message;
}

TEST(XlsxReader, UnknownColumnNamesItsHeaderCell) {
    std::string rows = inline_row(1, {"id", "name", "type", "colour"});
    rows += inline_row(2, {"A", "Một", "office", "red"});
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    const std::string all = all_messages(data.error());
    EXPECT_NE(all.find("Ô D1"), std::string::npos) << all;
}

TEST(XlsxReader, FormulaWithoutCachedValueIsNamed) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    rows += "<row r=\"2\">" + istr("A2", "A") + "<c r=\"B2\"><f>CONCAT(\"x\")</f></c>" +
            istr("C2", "office") + "</row>";
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    const std::string all = all_messages(data.error());
    EXPECT_NE(all.find("Ô B2: Ô có công thức nhưng không có giá trị"), std::string::npos) << all;
}

TEST(XlsxReader, ExcelErrorValueIsNamed) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    rows += "<row r=\"2\">" + istr("A2", "A") + "<c r=\"B2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>" +
            istr("C2", "office") + "</row>";
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_FALSE(data);
    EXPECT_NE(all_messages(data.error()).find("#DIV/0!"), std::string::npos);
}

TEST(XlsxReader, MissingUnitsSheetIsRefused) {
    auto data = read(xlsx_package({{"people", inline_row(1, {"id", "name", "unit_id"})}}));
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message.find("units"), std::string::npos);
}

TEST(XlsxReader, UnknownVisibleSheetIsAWarning) {
    Diagnostics warnings;
    auto data = read(xlsx_package({{"units", inline_row(1, {"id", "name", "type"})},
                                   {"Ghi chú", inline_row(1, {"x"})}}),
                     &warnings);
    ASSERT_TRUE(data) << all_messages(data.error());
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].file, "[book.xlsx]Ghi chú");
}

TEST(XlsxReader, StrictOoxmlIsRefused) {
    ZipEntries e;
    e.push_back(
        {"_rels/.rels",
         "<Relationships xmlns=\"" + kPkgRel +
             "\"><Relationship Id=\"R\" "
             "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
             "Target=\"xl/workbook.xml\"/></Relationships>"});
    e.push_back(
        {"xl/workbook.xml", "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"/>"});
    auto data = read(build_zip(e));
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message_en.find("Strict"), std::string::npos);
}

TEST(XlsxReader, EncryptedWorkbookIsRefused) {
    std::string cfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    cfb += std::string(504, '\0');
    auto data = read(cfb);
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message_en.find("password"), std::string::npos);
}

TEST(XlsxReader, NotAZipIsRefused) {
    auto data = read("id,name,type\n");
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error()[0].file, "book.xlsx");
}

TEST(XlsxReader, DoctypeIsRefused) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    std::string bytes = xlsx_package({{"units", rows}});
    ZipEntries e;
    e.push_back({"_rels/.rels", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Relationships/>"});
    auto data = read(build_zip(e));
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message_en.find("DOCTYPE"), std::string::npos);
}

TEST(XlsxReader, VietnameseTitleRowAndTitleRowsAreSkipped) {
    std::string rows = inline_row(1, {"Danh sách đơn vị"});
    rows += inline_row(3, {"id", "name", "type"});
    rows += inline_row(4, {"Mã đơn vị", "Tên đơn vị", "Loại đơn vị"});
    rows += inline_row(5, {"A", "Một", "office"});
    auto data = read(xlsx_package({{"units", rows}}));
    ASSERT_TRUE(data) << all_messages(data.error());
    ASSERT_EQ(data->units.size(), 1u);
    EXPECT_EQ(data->units[0].id, "A");
}

#include "DatasetCompare.h"
#include "io/DatasetSource.h"

TEST(XlsxReader, ReadsAWorkbookSavedByLibreOffice) {
    const std::filesystem::path root(THIDUA_SOURCE_DIR);
    auto from_xlsx =
        read_dataset_path(root / "tests/fixtures/xlsx/kien-giang-2021-2025.libreoffice.xlsx");
    ASSERT_TRUE(from_xlsx) << all_messages(from_xlsx.error());
    auto from_csv = read_dataset_path(root / "samples/kien-giang-2021-2025");
    ASSERT_TRUE(from_csv);
    EXPECT_EQ(testing_support::dataset_difference(*from_csv, *from_xlsx), "");
}

namespace {

// A two-row header as offices draw it: "Đơn vị" over id and name (merged vertically where the
// second row is blank), "Chỉ số CCHC" merged across the score columns, the names under it.
TEST(XlsxReaderMergedHeader, GroupTitlesAboveTheNamesAreMergedIntoOneHeader) {
    std::string units = inline_row(1, {"id", "name", "type"});
    units += inline_row(2, {"U1", "Sở Nội vụ", "department"});
    std::string years = inline_row(1, {"unit_id", "year", "Chỉ số CCHC", "", ""});
    years += inline_row(2, {"", "", "par_score", "par_max", "par_rating"});
    years += inline_row(3, {"U1", "2023", "91.5", "100", "xuat-sac"});
    const std::string merges =
        "<mergeCells count=\"3\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:B2\"/>"
        "<mergeCell ref=\"C1:E1\"/></mergeCells>";
    auto data = read(xlsx_package({{"units", units}, {"unit_years", years, merges}}));
    ASSERT_TRUE(data) << all_messages(data.error());
    const size_t s = data->slot(0, 2023);
    EXPECT_DOUBLE_EQ(data->unit_years.par_score[s], 91.5);
    EXPECT_DOUBLE_EQ(data->unit_years.par_max[s], 100);
    EXPECT_EQ(data->unit_years.par_rating[s], 0);
}

TEST(XlsxReaderMergedHeader, AnErrorBelowATwoRowHeaderNamesTheSheetRow) {
    std::string units = inline_row(1, {"id", "name", "type"});
    units += inline_row(2, {"U1", "Sở Nội vụ", "department"});
    std::string years = inline_row(1, {"unit_id", "year", "Chỉ số CCHC", ""});
    years += inline_row(2, {"", "", "par_score", "par_max"});
    years += inline_row(3, {"U1", "2023", "120", "100"});
    auto data = read(xlsx_package({{"units", units}, {"unit_years", years}}));
    ASSERT_FALSE(data);
    ASSERT_EQ(data.error().size(), 1u) << all_messages(data.error());
    EXPECT_EQ(data.error()[0].line, 3);
    EXPECT_EQ(data.error()[0].field, "par_score");
}

}  // namespace
