// The DOCX template engine on packages written by hand, part by part, so each test shows the XML
// Word produces for the case it covers. Output is parsed back with pugixml and checked by
// structure (which run holds which text), not by string matching.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "ZipBuilder.h"
#include "documents/DocxTemplate.h"
#include "documents/TemplateCheck.h"
#include "io/zip/ZipArchive.h"

using namespace thidua;
using namespace thidua::documents;
using namespace thidua::testing_support;

namespace {

const std::string kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const std::string kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const std::string kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"" + kW +
    "\"><w:docDefaults/></w:styles>";

// A minimal transitional package: body paragraphs, one default header, styles.
ZipEntries docx_entries(const std::string& body, const std::string& header = "<w:p/>") {
    ZipEntries e;
    e.push_back({"[Content_Types].xml",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                 "<Default Extension=\"rels\" "
                 "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                 "<Override PartName=\"/word/document.xml\" "
                 "ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                 "<Override PartName=\"/word/styles.xml\" "
                 "ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                 "<Override PartName=\"/word/header1.xml\" "
                 "ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
                 "</Types>"});
    e.push_back({"_rels/.rels",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<Relationships "
                 "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"" +
                     kR + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>"});
    e.push_back({"word/document.xml",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<w:document xmlns:w=\"" +
                     kW + "\" xmlns:r=\"" + kR + "\"><w:body>" + body +
                     "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
                     "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"});
    e.push_back({"word/_rels/document.xml.rels",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<Relationships "
                 "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"" +
                     kR +
                     "/styles\" Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"" +
                     kR + "/header\" Target=\"header1.xml\"/></Relationships>"});
    e.push_back({"word/styles.xml", kStyles});
    e.push_back(
        {"word/header1.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"" + kW +
             "\">" + header + "</w:hdr>"});
    return e;
}

std::string docx(const std::string& body, const std::string& header = "<w:p/>") {
    return build_zip(docx_entries(body, header));
}

std::string run(const std::string& text, const std::string& rpr = "") {
    return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
           "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string para(const std::string& runs) {
    return "<w:p>" + runs + "</w:p>";
}

std::string cell(const std::string& text) {
    return "<w:tc>" + para(run(text)) + "</w:tc>";
}

std::string entry(const std::string& docx_bytes, const std::string& name) {
    auto archive = ZipArchive::open_memory(docx_bytes);
    if (!archive) return "<not a zip>";
    const auto index = archive->find(name);
    if (!index) return "<missing>";
    auto data = archive->read(*index);
    return data ? *data : "<unreadable>";
}

std::unique_ptr<pugi::xml_document> part(const std::string& docx_bytes, const std::string& name) {
    auto doc = std::make_unique<pugi::xml_document>();
    const std::string xml = entry(docx_bytes, name);
    const auto parsed =
        doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    EXPECT_TRUE(parsed) << name << ": " << parsed.description() << "\n" << xml;
    return doc;
}

// The text of a paragraph (or any element) as Word shows it: w:t joined, w:br as '\n'.
std::string text_of(pugi::xml_node node) {
    std::string out;
    // A union in XPath is not in document order in pugixml: walk every element instead.
    for (pugi::xpath_node n : node.select_nodes(".//*")) {
        const std::string_view name = n.node().name();
        if (name == "w:br") out += '\n';
        if (name == "w:t") out += n.node().text().get();
    }
    return out;
}

std::vector<pugi::xml_node> nodes(pugi::xml_node root, const char* xpath) {
    std::vector<pugi::xml_node> out;
    for (pugi::xpath_node n : root.select_nodes(xpath))
        out.push_back(n.node());
    return out;
}

FilledDocument fill(const std::string& docx_bytes, const TemplateValues& values,
                    const FillOptions& options = {}) {
    auto tpl = DocxTemplate::open(docx_bytes, "mau.docx");
    EXPECT_TRUE(tpl) << tpl.error().format_bilingual();
    if (!tpl) return {};
    auto filled = tpl->fill(values, options);
    EXPECT_TRUE(filled) << filled.error().format_bilingual();
    return filled ? *filled : FilledDocument{};
}

}  // namespace

TEST(DocxTemplate, PlaceholderSplitAcrossThreeRunsLandsInTheFirstRunWithItsFormatting) {
    // What Word writes after spell-check and a bookmark touched "Số: {{plan.number}}/QĐ-UBND".
    const std::string body =
        para(run("Số: {{pl", "<w:b/>") + "<w:proofErr w:type=\"spellStart\"/>" +
             run("an.num", "<w:i/>") + "<w:proofErr w:type=\"spellEnd\"/>" +
             "<w:bookmarkStart w:id=\"0\" w:name=\"so\"/>" +
             run("ber}}/QĐ-UBND", "<w:u w:val=\"single\"/>") + "<w:bookmarkEnd w:id=\"0\"/>");
    TemplateValues values;
    values.set("plan.number", "125");
    const FilledDocument out = fill(docx(body), values);
    EXPECT_TRUE(out.unknown.empty());

    auto doc = part(out.docx, "word/document.xml");
    const pugi::xml_node p = doc->select_node("//w:body/w:p").node();
    EXPECT_EQ(text_of(p), "Số: 125/QĐ-UBND");
    const auto runs = nodes(p, "w:r");
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_TRUE(runs[0].child("w:rPr").child("w:b"));
    EXPECT_EQ(text_of(runs[0]), "Số: 125");
    EXPECT_STREQ(runs[0].child("w:t").attribute("xml:space").value(), "preserve");
    EXPECT_EQ(text_of(runs[1]), "");
    EXPECT_TRUE(runs[1].child("w:rPr").child("w:i"));  // the run stays, with its formatting
    EXPECT_EQ(text_of(runs[2]), "/QĐ-UBND");
    EXPECT_TRUE(runs[2].child("w:rPr").child("w:u"));
    // Everything that was not text is untouched.
    EXPECT_EQ(nodes(p, "w:proofErr").size(), 2u);
    EXPECT_TRUE(p.child("w:bookmarkStart"));
    EXPECT_TRUE(p.child("w:bookmarkEnd"));
}

TEST(DocxTemplate, BracesSplitBetweenRunsStillMatch) {
    const std::string body = para(run("{", "<w:b/>") + run("{ten}", "<w:i/>") + run("} xong"));
    TemplateValues values;
    values.set("ten", "Hồng");
    auto doc = part(fill(docx(body), values).docx, "word/document.xml");
    const auto runs = nodes(doc->document_element(), "//w:body/w:p/w:r");
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(text_of(runs[0]), "Hồng");
    EXPECT_TRUE(runs[0].child("w:rPr").child("w:b"));
    EXPECT_EQ(text_of(runs[1]), "");
    EXPECT_EQ(text_of(runs[2]), " xong");
}

TEST(DocxTemplate, TwoPlaceholdersInOneParagraph) {
    const std::string body =
        para(run("{{unit.name}}, ngày {{date}} và {{unit.name}}") + run(" (hết)"));
    TemplateValues values;
    values.set("unit.name", "Sở Nội vụ tỉnh Kiên Giang").set("date", "05 tháng 3 năm 2024");
    auto doc = part(fill(docx(body), values).docx, "word/document.xml");
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()),
              "Sở Nội vụ tỉnh Kiên Giang, ngày 05 tháng 3 năm 2024 và Sở Nội vụ tỉnh Kiên Giang "
              "(hết)");
}

TEST(DocxTemplate, PlaceholderInAHeader) {
    const std::string header = para(run("{{agency}}", "<w:caps/>"));
    TemplateValues values;
    values.set("agency", "UBND tỉnh Kiên Giang");
    const FilledDocument out = fill(docx(para(run("Thân")), header), values);
    EXPECT_TRUE(out.unknown.empty());
    auto hdr = part(out.docx, "word/header1.xml");
    const pugi::xml_node r = hdr->select_node("/w:hdr/w:p/w:r").node();
    EXPECT_EQ(text_of(r), "UBND tỉnh Kiên Giang");
    EXPECT_TRUE(r.child("w:rPr").child("w:caps"));
}

TEST(DocxTemplate, TableRowRepeatedOncePerRecord) {
    const std::string table =
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" +
        cell("STT") + cell("Họ và tên") + cell("Đơn vị") +
        "</w:tr>"
        "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>" +
        para(run("{{#candidates}}") + run("{{candidates.#}}", "<w:b/>")) + "</w:tc>" +
        cell("{{candidates.name}}") + cell("{{candidates.unit}} – {{year}}") +
        "</w:tr>"
        "<w:tr>" +
        cell("Tổng") + cell("{{total}}") + cell("") + "</w:tr></w:tbl>";
    TemplateValues values;
    values.set("year", "2024").set("total", "3 cá nhân");
    values.add_record("candidates",
                      {{"name", "Nguyễn Thị Hồng Nhung"}, {"unit", "Sở Nội vụ tỉnh Kiên Giang"}});
    values.add_record("candidates", {{"name", "Trần Văn Đức"}, {"unit", "UBND huyện Châu Thành"}});
    values.add_record("candidates",
                      {{"name", "Lê Thị Ánh"}, {"unit", "Trường THPT Huỳnh Mẫn Đạt"}});
    const FilledDocument out = fill(docx(table), values);
    EXPECT_TRUE(out.unknown.empty());
    EXPECT_TRUE(out.problems.empty());

    auto doc = part(out.docx, "word/document.xml");
    const auto rows = nodes(doc->document_element(), "//w:tbl/w:tr");
    ASSERT_EQ(rows.size(), 5u);
    const auto cells = [](pugi::xml_node row) {
        std::vector<std::string> out;
        for (pugi::xml_node c : row.children("w:tc"))
            out.push_back(text_of(c));
        return out;
    };
    EXPECT_EQ(cells(rows[0]), (std::vector<std::string>{"STT", "Họ và tên", "Đơn vị"}));
    EXPECT_EQ(cells(rows[1]), (std::vector<std::string>{"1", "Nguyễn Thị Hồng Nhung",
                                                        "Sở Nội vụ tỉnh Kiên Giang – 2024"}));
    EXPECT_EQ(cells(rows[2]),
              (std::vector<std::string>{"2", "Trần Văn Đức", "UBND huyện Châu Thành – 2024"}));
    EXPECT_EQ(cells(rows[3]),
              (std::vector<std::string>{"3", "Lê Thị Ánh", "Trường THPT Huỳnh Mẫn Đạt – 2024"}));
    EXPECT_EQ(cells(rows[4]), (std::vector<std::string>{"Tổng", "3 cá nhân", ""}));
    for (size_t i = 1; i <= 3; ++i) {
        EXPECT_TRUE(rows[i].child("w:trPr").child("w:cantSplit"));   // row properties copied
        EXPECT_TRUE(rows[i].select_node("w:tc/w:p/w:r/w:rPr/w:b"));  // the STT run kept bold
    }
}

TEST(DocxTemplate, EmptyListRemovesTheRowButKeepsALoneRowBlank) {
    const std::string with_header = "<w:tbl><w:tr>" + cell("Họ tên") + "</w:tr><w:tr>" +
                                    cell("{{#people}}{{people.name}}") + "</w:tr></w:tbl>";
    TemplateValues values;
    values.list("people");
    auto doc = part(fill(docx(with_header), values).docx, "word/document.xml");
    EXPECT_EQ(nodes(doc->document_element(), "//w:tr").size(), 1u);

    const std::string lone =
        "<w:tbl><w:tr>" + cell("{{#people}}{{people.name}}") + "</w:tr></w:tbl>";
    const FilledDocument out = fill(docx(lone), values);
    EXPECT_TRUE(out.unknown.empty());
    auto doc2 = part(out.docx, "word/document.xml");
    const auto rows = nodes(doc2->document_element(), "//w:tr");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(text_of(rows[0]), "");
}

TEST(DocxTemplate, XmlSpecialCharactersAreEscaped) {
    TemplateValues values;
    values.set("note", "a < b & \"c\" > 'd'");
    const FilledDocument out = fill(docx(para(run("{{note}}"))), values);
    const std::string xml = entry(out.docx, "word/document.xml");
    EXPECT_NE(xml.find("a &lt; b &amp; \"c\""), std::string::npos);
    auto doc = part(out.docx, "word/document.xml");
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()), "a < b & \"c\" > 'd'");
}

TEST(DocxTemplate, NewlinesBecomeLineBreaksInTheSameRun) {
    TemplateValues values;
    values.set("address", "Số 1 Nguyễn Công Trứ\nPhường Vĩnh Thanh\r\nTP Rạch Giá\tKG");
    const FilledDocument out =
        fill(docx(para(run("Địa chỉ: {{address}}.", "<w:sz w:val=\"26\"/>"))), values);
    auto doc = part(out.docx, "word/document.xml");
    const auto runs = nodes(doc->document_element(), "//w:body/w:p/w:r");
    ASSERT_EQ(runs.size(), 1u);
    std::vector<std::string> children;
    for (pugi::xml_node c : runs[0].children())
        children.push_back(c.name());
    EXPECT_EQ(children, (std::vector<std::string>{"w:rPr", "w:t", "w:br", "w:t", "w:br", "w:t",
                                                  "w:tab", "w:t"}));
    EXPECT_EQ(text_of(runs[0]), "Địa chỉ: Số 1 Nguyễn Công Trứ\nPhường Vĩnh Thanh\nTP Rạch GiáKG.");
    for (pugi::xml_node t : runs[0].children("w:t"))
        EXPECT_STREQ(t.attribute("xml:space").value(), "preserve");
}

TEST(DocxTemplate, ControlCharactersAndBadUtf8InValuesDoNotBreakTheXml) {
    TemplateValues values;
    values.set("x", std::string("a\x01\x0b"
                                "b\xff"
                                "c",
                                6));
    const FilledDocument out = fill(docx(para(run("{{x}}"))), values);
    auto doc = part(out.docx, "word/document.xml");
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()),
              "ab\xEF\xBF\xBD"
              "c");
}

TEST(DocxTemplate, UnknownPlaceholdersAreReportedAndLeftAsWritten) {
    const std::string body = para(run("{{known}} {{plan.numbr}}")) + "<w:tbl><w:tr>" +
                             cell("{{#rows}}{{rows.name}}") + "</w:tr></w:tbl>";
    TemplateValues values;
    values.set("known", "ok");
    const FilledDocument out = fill(docx(body, para(run("{{header.missing}}"))), values);
    EXPECT_EQ(out.unknown, (std::vector<std::string>{"#rows", "header.missing", "plan.numbr"}));
    auto doc = part(out.docx, "word/document.xml");
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()), "ok {{plan.numbr}}");

    FillOptions blank;
    blank.blank_unknown = true;
    const FilledDocument blanked = fill(docx(body), values, blank);
    EXPECT_EQ(blanked.unknown, (std::vector<std::string>{"#rows", "plan.numbr"}));
    auto doc2 = part(blanked.docx, "word/document.xml");
    EXPECT_EQ(text_of(doc2->select_node("//w:body/w:p").node()), "ok ");
}

TEST(DocxTemplate, MissingRecordFieldIsReported) {
    const std::string body =
        "<w:tbl><w:tr>" + cell("{{#rows}}{{rows.name}} {{rows.title}}") + "</w:tr></w:tbl>";
    TemplateValues values;
    values.add_record("rows", {{"name", "An"}});
    EXPECT_EQ(fill(docx(body), values).unknown, (std::vector<std::string>{"rows.title"}));
}

TEST(DocxTemplate, ConditionalParagraphRemovedWhenItsFieldIsEmpty) {
    const std::string body = para(run("Trước")) + para(run("{{?note}}Ghi chú: {{note}}")) +
                             para(run("Sau")) + "<w:tbl><w:tr><w:tc>" +
                             para(run("{{?note}}Ô {{note}}")) + "</w:tc></w:tr></w:tbl>";
    TemplateValues empty;
    empty.set("note", " ");
    auto doc = part(fill(docx(body), empty).docx, "word/document.xml");
    const auto paragraphs = nodes(doc->document_element(), "/w:document/w:body/w:p");
    ASSERT_EQ(paragraphs.size(), 2u);
    EXPECT_EQ(text_of(paragraphs[0]), "Trước");
    EXPECT_EQ(text_of(paragraphs[1]), "Sau");
    // A cell must keep a paragraph: the last one is emptied, not removed.
    const auto cell_paragraphs = nodes(doc->document_element(), "//w:tc/w:p");
    ASSERT_EQ(cell_paragraphs.size(), 1u);
    EXPECT_EQ(text_of(cell_paragraphs[0]), "");

    TemplateValues given;
    given.set("note", "Hồ sơ đủ");
    auto doc2 = part(fill(docx(body), given).docx, "word/document.xml");
    const auto kept = nodes(doc2->document_element(), "/w:document/w:body/w:p");
    ASSERT_EQ(kept.size(), 3u);
    EXPECT_EQ(text_of(kept[1]), "Ghi chú: Hồ sơ đủ");
}

TEST(DocxTemplate, OtherPartsAreCopiedUnchangedInTheirOrder) {
    const ZipEntries entries = docx_entries(para(run("{{a}}")));
    TemplateValues values;
    values.set("a", "x");
    const FilledDocument out = fill(build_zip(entries), values);
    auto archive = ZipArchive::open_memory(out.docx);
    ASSERT_TRUE(archive);
    ASSERT_EQ(archive->names().size(), entries.size());
    for (size_t i = 0; i < entries.size(); ++i)
        EXPECT_EQ(archive->names()[i], entries[i].first);
    EXPECT_EQ(entry(out.docx, "word/styles.xml"), kStyles);
    EXPECT_EQ(entry(out.docx, "_rels/.rels"), entries[1].second);
    // The declaration and the section properties survive the round trip.
    const std::string xml = entry(out.docx, "word/document.xml");
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0), 0u);
    EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos) << xml;
    // Same template, same values: same bytes.
    EXPECT_EQ(fill(build_zip(entries), values).docx, out.docx);
}

TEST(DocxTemplate, WhitespaceOnlyTextIsKept) {
    const std::string body = para(run("{{a}}") + run(" ") + run("{{b}}"));
    TemplateValues values;
    values.set("a", "A").set("b", "B");
    auto doc = part(fill(docx(body), values).docx, "word/document.xml");
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()), "A B");
}

TEST(DocxTemplate, OtherPrefixForTheWordNamespace) {
    ZipEntries e = docx_entries("");
    e[2].second = "<x:document xmlns:x=\"" + kW +
                  "\"><x:body><x:p><x:r><x:t>{{a}}</x:t></x:r></x:p>"
                  "</x:body></x:document>";
    TemplateValues values;
    values.set("a", "Kiên Giang");
    const std::string xml = entry(fill(build_zip(e), values).docx, "word/document.xml");
    EXPECT_NE(xml.find("<x:t xml:space=\"preserve\">Kiên Giang</x:t>"), std::string::npos) << xml;
}

TEST(DocxTemplate, ListsPlaceholdersForValidation) {
    const std::string body =
        para(run("{{plan.number}} {{pl") + run("an.year}} {{?note}} {{bad name}} {{unclosed")) +
        "<w:tbl><w:tr>" + cell("{{#candidates}}{{candidates.#}}") + cell("{{candidates.name}}") +
        cell("{{?candidates.note}}{{year}}") + "</w:tr></w:tbl>" + para(run("{{candidates.unit}}"));
    auto tpl = DocxTemplate::open(docx(body, para(run("{{agency}}"))), "mau.docx");
    ASSERT_TRUE(tpl) << tpl.error().format_bilingual();
    EXPECT_EQ(tpl->text_parts(),
              (std::vector<std::string>{"word/document.xml", "word/header1.xml"}));
    const TemplatePlaceholders used = tpl->placeholders();
    EXPECT_EQ(used.fields, (std::vector<std::string>{"agency", "candidates.unit", "note",
                                                     "plan.number", "plan.year", "year"}));
    ASSERT_EQ(used.lists.size(), 1u);
    EXPECT_EQ(used.lists.at("candidates"), (std::vector<std::string>{"name", "note"}));
    ASSERT_EQ(used.problems.size(), 2u);
    for (const Diagnostic& d : used.problems) {
        EXPECT_EQ(d.file, "word/document.xml");
        EXPECT_FALSE(d.message.empty());
        EXPECT_FALSE(d.message_en.empty());
    }

    TemplateSchema schema;
    schema.fields = {"plan.number", "plan.year", "year", "note", "agency"};
    schema.lists["candidates"] = {"name"};
    const Diagnostics found = check_template(used, schema, "mau.docx");
    std::vector<std::string> values;
    for (const Diagnostic& d : found)
        values.push_back(d.value);
    EXPECT_EQ(values, (std::vector<std::string>{"{{bad name}}", "{{unclosed", "{{candidates.unit}}",
                                                "{{candidates.note}}"}))
        << found.size();
    EXPECT_NE(found[2].message_en.find("needs {{#candidates}}"), std::string::npos)
        << found[2].message_en;
    EXPECT_NE(found[3].message.find("không có trường"), std::string::npos);
}

TEST(DocxTemplate, RefusesWhatIsNotAZip) {
    auto tpl = DocxTemplate::open("Đây không phải tệp zip", "mau.docx");
    ASSERT_FALSE(tpl);
    EXPECT_EQ(tpl.error().file, "mau.docx");
    EXPECT_NE(tpl.error().message.find("không phải tệp .docx"), std::string::npos);
    EXPECT_NE(tpl.error().message_en.find("not a .docx"), std::string::npos);
}

TEST(DocxTemplate, RefusesAZipWithoutDocumentXml) {
    ZipEntries e = docx_entries("");
    e.erase(e.begin() + 2);
    auto tpl = DocxTemplate::open(build_zip(e));
    ASSERT_FALSE(tpl);
    EXPECT_NE(tpl.error().message_en.find("no word/document.xml"), std::string::npos);
    EXPECT_FALSE(tpl.error().message.empty());
}

TEST(DocxTemplate, RefusesOldWordFilesEncryptedAndStrictDocuments) {
    auto cfb = DocxTemplate::open(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "....");
    ASSERT_FALSE(cfb);
    EXPECT_NE(cfb.error().message_en.find("password"), std::string::npos);

    ZipEntries strict = docx_entries("");
    strict[2].second =
        "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
        "<w:body/></w:document>";
    auto s = DocxTemplate::open(build_zip(strict));
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message_en.find("Strict"), std::string::npos);

    ZipEntries broken = docx_entries("");
    broken[2].second = "<w:document xmlns:w=\"" + kW + "\"><w:body>";
    auto b = DocxTemplate::open(build_zip(broken));
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message_en.find("not well-formed"), std::string::npos);
}

TEST(DocxTemplate, RefusesZipBombs) {
    ZipEntries many = docx_entries("");
    for (int i = 0; i < 20; ++i)
        many.push_back({"word/media/x" + std::to_string(i), "x"});
    DocxLimits limits;
    limits.max_entries = 10;
    auto a = DocxTemplate::open(build_zip(many), "mau.docx", limits);
    ASSERT_FALSE(a);
    EXPECT_NE(a.error().message_en.find("too many entries"), std::string::npos);

    ZipEntries big = docx_entries("");
    big.push_back({"word/media/zeros.bin", std::string(4 << 20, '\0')});
    limits = {};
    limits.max_total_bytes = 1 << 20;
    auto b = DocxTemplate::open(build_zip(big), "mau.docx", limits);
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message_en.find("zip bomb"), std::string::npos);
}

// LibreOffice renders the filled document: the Vietnamese text must survive into the PDF.
TEST(DocxTemplate, LibreOfficeRendersTheFilledDocument) {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0 ||
        std::system("command -v pdftotext >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "soffice or pdftotext is not installed: LibreOffice rendering not checked";
    const std::string body =
        para(run("QUYẾT ĐỊNH số {{plan.number}}", "<w:b/>")) +
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>"
        "<w:gridCol w:w=\"800\"/><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
        "<w:tr>" +
        cell("STT") + cell("Họ và tên") + cell("Đơn vị") + "</w:tr><w:tr>" +
        cell("{{#candidates}}{{candidates.#}}") + cell("{{candidates.name}}") +
        cell("{{candidates.unit}}") + "</w:tr></w:tbl>" + para(run("{{signer}}"));
    TemplateValues values;
    values.set("plan.number", "125/QĐ-UBND").set("signer", "Chủ tịch\nLâm Minh Thành");
    values.add_record("candidates",
                      {{"name", "Nguyễn Thị Hồng Nhung"}, {"unit", "Sở Nội vụ tỉnh Kiên Giang"}});
    values.add_record("candidates",
                      {{"name", "Trần Văn Đức"}, {"unit", "Ban Thi đua - Khen thưởng"}});
    const FilledDocument out = fill(docx(body, para(run("{{agency}}"))),
                                    values.set("agency", "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"));
    ASSERT_TRUE(out.unknown.empty());

    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("thidua-docx-" + std::to_string(stamp));
    std::filesystem::create_directories(dir);
    {
        std::ofstream f(dir / "quyet-dinh.docx", std::ios::binary);
        f << out.docx;
    }
    const std::string command = "cd '" + dir.string() +
                                "' && timeout 180 soffice -env:UserInstallation=file://" +
                                dir.string() +
                                "/profile --headless --convert-to pdf --outdir . "
                                "quyet-dinh.docx >soffice.log 2>&1 && pdftotext -layout "
                                "quyet-dinh.pdf quyet-dinh.txt";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream text_file(dir / "quyet-dinh.txt");
    std::stringstream text;
    text << text_file.rdbuf();
    const std::string pdf_text = text.str();
    for (const char* expected :
         {"QUYẾT ĐỊNH số 125/QĐ-UBND", "Nguyễn Thị Hồng Nhung", "Sở Nội vụ tỉnh Kiên Giang",
          "Trần Văn Đức", "Lâm Minh Thành", "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"})
        EXPECT_NE(pdf_text.find(expected), std::string::npos) << expected << "\n" << pdf_text;
    EXPECT_EQ(pdf_text.find("{{"), std::string::npos) << pdf_text;
    std::filesystem::remove_all(dir);
}

// The fuzz seed saved by LibreOffice Writer 7.4 from a hand-written template: its own styles,
// settings and run splitting.
TEST(DocxTemplate, FillsATemplateSavedByLibreOffice) {
    std::ifstream file(
        std::string(THIDUA_SOURCE_DIR) + "/tests/fixtures/fuzz-seeds/docx/libreoffice.docx",
        std::ios::binary);
    ASSERT_TRUE(file);
    std::stringstream bytes;
    bytes << file.rdbuf();
    auto tpl = DocxTemplate::open(bytes.str(), "libreoffice.docx");
    ASSERT_TRUE(tpl) << tpl.error().format_bilingual();
    const TemplatePlaceholders used = tpl->placeholders();
    EXPECT_EQ(used.fields,
              (std::vector<std::string>{"agency", "note", "page", "plan.number", "signer"}));
    ASSERT_EQ(used.lists.count("candidates"), 1u);
    EXPECT_EQ(used.lists.at("candidates"), (std::vector<std::string>{"name", "unit"}));
    ASSERT_EQ(used.problems.size(), 1u);
    EXPECT_EQ(used.problems[0].value, "{{bad");

    TemplateValues values;
    values.set("agency", "UBND tỉnh Kiên Giang").set("note", "").set("page", "1");
    values.set("plan.number", "125").set("signer", "Lâm Minh Thành");
    values.add_record("candidates",
                      {{"name", "Nguyễn Thị Hồng Nhung"}, {"unit", "Sở Nội vụ tỉnh Kiên Giang"}});
    const FilledDocument out = fill(bytes.str(), values);
    EXPECT_TRUE(out.unknown.empty());
    auto doc = part(out.docx, "word/document.xml");
    const std::string text = text_of(doc->document_element());
    EXPECT_NE(text.find("QUYẾT ĐỊNH số 125/QĐ-UBND"), std::string::npos) << text;
    EXPECT_NE(text.find("1Nguyễn Thị Hồng NhungSở Nội vụ tỉnh Kiên Giang"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("Ghi chú"), std::string::npos);  // {{?note}} with an empty note
    EXPECT_EQ(text_of(part(out.docx, "word/footer1.xml")->document_element()), "Trang 1");
}

TEST(DocxTemplate, TextBoxParagraphsAreFilledOnTheirOwn) {
    // A text box is a paragraph inside a run of another paragraph: each has its own text.
    const std::string body =
        "<w:p>" + run("{{a}} ") + "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" +
        para(run("{{b}}", "<w:i/>")) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>" +
        run("{{c}}") + "</w:p>";
    TemplateValues values;
    values.set("a", "A").set("b", "Hộp chữ").set("c", "C");
    const FilledDocument out = fill(docx(body), values);
    EXPECT_TRUE(out.unknown.empty());
    auto doc = part(out.docx, "word/document.xml");
    const pugi::xml_node inner = doc->select_node("//w:txbxContent/w:p").node();
    EXPECT_EQ(text_of(inner), "Hộp chữ");
    EXPECT_TRUE(inner.select_node("w:r/w:rPr/w:i"));
    EXPECT_EQ(text_of(doc->select_node("//w:body/w:p").node()), "A Hộp chữC");
}

TEST(DocxTemplate, PlaceholdersAcrossATabAndMarkersOfTwoListsInOneRowAreProblems) {
    const std::string body = "<w:tbl><w:tr>" + cell("{{#people}}{{#units}}") + "</w:tr></w:tbl>" +
                             para(run("{{a") + "<w:r><w:tab/></w:r>" + run("b}}"));
    auto tpl = DocxTemplate::open(docx(body));
    ASSERT_TRUE(tpl);
    const TemplatePlaceholders used = tpl->placeholders();
    EXPECT_TRUE(used.fields.empty());
    ASSERT_EQ(used.problems.size(), 2u);
    EXPECT_EQ(used.problems[0].value, "{{#units}}");
    EXPECT_NE(used.problems[0].message_en.find("one list only"), std::string::npos);
    EXPECT_NE(used.problems[1].message_en.find("invalid field name"), std::string::npos);
}

// The legal bases of a decision: one "Căn cứ ..." paragraph per record, each keeping the
// paragraph's own formatting (italic, first-line indent).
TEST(DocxTemplate, ParagraphOutsideATableRepeatedOncePerRecord) {
    const std::string repeated = "<w:p><w:pPr><w:ind w:firstLine=\"567\"/></w:pPr>" +
                                 run("{{#bases}}Căn cứ {{bases.text}};", "<w:i/>") + "</w:p>";
    const std::string body = para(run("Trước")) + repeated + para(run("Sau"));
    TemplateValues v;
    v.add_record("bases", {{"text", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"}});
    v.add_record("bases", {{"text", "Nghị định số 30/2020/NĐ-CP"}});
    const FilledDocument out = fill(docx(body), v);
    EXPECT_TRUE(out.unknown.empty());
    auto doc = part(out.docx, "word/document.xml");
    const auto paragraphs = nodes(doc->document_element(), "//w:body/w:p");
    ASSERT_EQ(paragraphs.size(), 4u);
    EXPECT_EQ(text_of(paragraphs[0]), "Trước");
    EXPECT_EQ(text_of(paragraphs[1]), "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    EXPECT_EQ(text_of(paragraphs[2]), "Căn cứ Nghị định số 30/2020/NĐ-CP;");
    EXPECT_EQ(text_of(paragraphs[3]), "Sau");
    for (int i : {1, 2}) {
        EXPECT_TRUE(paragraphs[i].select_node("w:pPr/w:ind[@w:firstLine='567']"));
        EXPECT_TRUE(paragraphs[i].select_node("w:r/w:rPr/w:i"));
    }

    auto tpl = DocxTemplate::open(docx(body));
    ASSERT_TRUE(tpl);
    const TemplatePlaceholders used = tpl->placeholders();
    EXPECT_TRUE(used.problems.empty());
    ASSERT_TRUE(used.lists.contains("bases"));
    EXPECT_EQ(used.lists.at("bases"), std::vector<std::string>{"text"});
}

TEST(DocxTemplate, RepeatedParagraphWithNoRecordsIsRemovedAndCopiesDoNotDuplicateTheSection) {
    const std::string last =
        "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\"/>"
        "</w:sectPr></w:pPr>" +
        run("{{#items}}{{items.#}}. {{items.name}}") + "</w:p>";
    TemplateValues none;
    none.list("items");
    const FilledDocument empty = fill(docx(para(run("A")) + para(run("{{#items}}x")) + last), none);
    auto doc = part(empty.docx, "word/document.xml");
    const auto paragraphs = nodes(doc->document_element(), "//w:body/w:p");
    ASSERT_EQ(paragraphs.size(), 2u);  // the plain one removed, the one ending a section emptied
    EXPECT_EQ(text_of(paragraphs[1]), "");
    EXPECT_TRUE(paragraphs[1].select_node("w:pPr/w:sectPr"));

    TemplateValues two;
    two.add_record("items", {{"name", "Một"}});
    two.add_record("items", {{"name", "Hai"}});
    const FilledDocument filled = fill(docx(last), two);
    auto doc2 = part(filled.docx, "word/document.xml");
    EXPECT_EQ(nodes(doc2->document_element(), "//w:body/w:p/w:pPr/w:sectPr").size(), 1u);
    const auto ps = nodes(doc2->document_element(), "//w:body/w:p");
    ASSERT_EQ(ps.size(), 3u);
    EXPECT_EQ(text_of(ps[0]), "1. Một");
    EXPECT_EQ(text_of(ps[1]), "2. Hai");
}
