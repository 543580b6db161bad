// The default templates (templates/docx, packed at build time into the library): each opens, uses
// only the fields its kind offers (src/forms/FormFields.cpp), and sets out the elements that
// Decree 30/2020/NĐ-CP, Appendix I, fixes. The layout is read from the XML as Word resolves it
// (direct formatting, styles, defaults); test_form_templates_pdf.cpp checks the rendering.

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "WordFormatting.h"
#include "documents/DocxTemplate.h"
#include "documents/TemplateCheck.h"
#include "forms/DefaultTemplates.h"
#include "forms/FormFields.h"
#include "io/zip/ZipArchive.h"

using namespace thidua;
using namespace thidua::forms;
using thidua::testing_support::WordFormatting;

namespace {

// What differs between kinds in the elements checked.
struct KindLayout {
    FormKind kind;
    const char* type_name;  // tên loại văn bản
    const char* number;     // the "Số:" line; nullptr: the form has none (no Appendix III type)
    bool recipients;        // a "Nơi nhận" block
    const char* signer;     // the paragraph with the signer's name
};

const std::vector<KindLayout>& layouts() {
    static const std::vector<KindLayout> all{
        {FormKind::Registration, "ĐĂNG KÝ", nullptr, true, "{{nguoi_ky.ho_ten}}"},
        {FormKind::ProposalList, "DANH SÁCH", nullptr, true, "{{nguoi_ky.ho_ten}}"},
        {FormKind::Submission, "TỜ TRÌNH", "Số: {{so}}/TTr-{{co_quan.ky_hieu}}", true,
         "{{nguoi_ky.ho_ten}}"},
        {FormKind::CouncilMinutes, "BIÊN BẢN", "Số: {{so}}/BB-{{co_quan.ky_hieu}}", true,
         "{{chu_tri.ho_ten}}"},
        {FormKind::AchievementReport, "BÁO CÁO THÀNH TÍCH", nullptr, false, "{{nguoi_ky.ho_ten}}"},
        {FormKind::Decision, "QUYẾT ĐỊNH", "Số: {{so}}/QĐ-{{co_quan.ky_hieu}}", true,
         "{{nguoi_ky.ho_ten}}"},
    };
    return all;
}

// The parsed XML parts of a template.
class Package {
public:
    explicit Package(std::string_view docx) {
        auto archive = ZipArchive::open_memory(docx);
        if (!archive) {
            ADD_FAILURE() << "not a zip";
            return;
        }
        for (size_t i = 0; i < archive->names().size(); ++i) {
            const std::string name = archive->names()[i];
            if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
            auto bytes = archive->read(i);
            auto& doc = m_parts[name];
            doc = std::make_unique<pugi::xml_document>();
            EXPECT_TRUE(bytes && doc->load_buffer(bytes->data(), bytes->size())) << name;
        }
    }
    pugi::xml_node root(const std::string& name) const {
        const auto it = m_parts.find(name);
        return it == m_parts.end() ? pugi::xml_node() : it->second->document_element();
    }
    // A relationship target of the main document, as a part name: rIdHeaderPage -> word/header1.xml
    std::string document_target(std::string_view id) const {
        for (pugi::xml_node r : root("word/_rels/document.xml.rels").children("Relationship"))
            if (id == r.attribute("Id").value())
                return std::string("word/") + r.attribute("Target").value();
        return "";
    }

private:
    std::map<std::string, std::unique_ptr<pugi::xml_document>> m_parts;
};

std::string text_of(pugi::xml_node node) {
    std::string out;
    for (pugi::xpath_node n : node.select_nodes(".//w:t"))
        out += n.node().text().get();
    return out;
}

// The first paragraph whose text is `text` (or ends with it: "{{?noi_nhan}}Nơi nhận:").
pugi::xml_node paragraph(pugi::xml_node root, std::string_view text) {
    for (pugi::xpath_node n : root.select_nodes("//w:p")) {
        const std::string t = text_of(n.node());
        if (t == text || (t.ends_with(text) && t.starts_with("{{?"))) return n.node();
    }
    return {};
}

pugi::xml_node first_run(pugi::xml_node p) {
    return p.select_node("w:r[w:t]").node();
}

double mm(const pugi::xml_attribute& twips) {
    return twips.as_double() * 25.4 / 1440;
}

void expect_page_setup(const Package& pkg, const FormInfo& info) {
    const auto sections = pkg.root("word/document.xml").select_nodes("//w:sectPr");
    ASSERT_GE(sections.size(), 1u);
    for (const pugi::xpath_node& s : sections) {
        const pugi::xml_node sect = s.node();
        const pugi::xml_node size = sect.child("w:pgSz");
        const bool landscape = info.landscape;
        EXPECT_EQ(size.attribute("w:w").as_int(), landscape ? 16838 : 11906);
        EXPECT_EQ(size.attribute("w:h").as_int(), landscape ? 11906 : 16838);
        EXPECT_EQ(std::string(size.attribute("w:orient").value()), landscape ? "landscape" : "");
        // Decree 30, I.3: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
        const pugi::xml_node margin = sect.child("w:pgMar");
        for (const char* edge : {"w:top", "w:bottom"}) {
            EXPECT_GE(mm(margin.attribute(edge)), 20.0) << edge;
            EXPECT_LE(mm(margin.attribute(edge)), 25.0) << edge;
        }
        EXPECT_GE(mm(margin.attribute("w:left")), 30.0);
        EXPECT_LE(mm(margin.attribute("w:left")), 35.0);
        EXPECT_GE(mm(margin.attribute("w:right")), 15.0);
        EXPECT_LE(mm(margin.attribute("w:right")), 20.0);
        EXPECT_EQ(margin.attribute("w:gutter").as_int(), 0);
        // Page numbers in the top margin, not on the first page (I.7).
        EXPECT_TRUE(sect.child("w:titlePg"));
        EXPECT_LT(margin.attribute("w:header").as_int(), margin.attribute("w:top").as_int());
    }
}

void expect_page_numbers(const Package& pkg, const WordFormatting& fmt) {
    const pugi::xml_node sect = pkg.root("word/document.xml").child("w:body").child("w:sectPr");
    const auto header = [&](const char* type) {
        const auto ref = sect.find_child_by_attribute("w:headerReference", "w:type", type);
        return pkg.root(pkg.document_target(ref.attribute("r:id").value()));
    };
    const pugi::xml_node page = header("default");
    ASSERT_TRUE(page) << "no default header";
    const pugi::xml_node p = page.child("w:p");
    EXPECT_NE(std::string(page.select_node(".//w:instrText").node().text().get()).find("PAGE"),
              std::string::npos);
    EXPECT_EQ(fmt.paragraph(p, "w:jc", "w:val"), "center");
    const int size = fmt.half_points(p, first_run(p));
    EXPECT_TRUE(size >= 26 && size <= 28) << size;
    const pugi::xml_node first = header("first");
    ASSERT_TRUE(first) << "no first-page header";
    EXPECT_EQ(text_of(first), "");
    EXPECT_FALSE(first.select_node(".//w:instrText"));
}

void expect_fonts(const Package& pkg) {
    const pugi::xml_node defaults =
        pkg.root("word/styles.xml").child("w:docDefaults").child("w:rPrDefault").child("w:rPr");
    for (const char* a : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"})
        EXPECT_EQ(std::string(defaults.child("w:rFonts").attribute(a).value()), "Times New Roman")
            << a;
    EXPECT_EQ(std::string(defaults.child("w:color").attribute("w:val").value()), "000000");
    // Nothing names another font, or a theme font that would replace it, or another colour.
    for (const char* part : {"word/styles.xml", "word/document.xml", "word/header1.xml"}) {
        for (pugi::xpath_node f : pkg.root(part).select_nodes("//w:rFonts"))
            for (pugi::xml_attribute a : f.node().attributes())
                EXPECT_EQ(std::string(a.value()), "Times New Roman") << part << " " << a.name();
        for (pugi::xpath_node c : pkg.root(part).select_nodes("//w:color"))
            EXPECT_EQ(std::string(c.node().attribute("w:val").value()), "000000") << part;
    }
}

// A run's size in half-points is within [low, high], and its toggles are as given.
void expect_run(const WordFormatting& fmt, pugi::xml_node p, int low, int high, bool bold,
                bool italic) {
    ASSERT_TRUE(p);
    const pugi::xml_node r = first_run(p);
    const int size = fmt.half_points(p, r);
    EXPECT_TRUE(size >= low && size <= high) << text_of(p) << ": w:sz " << size;
    EXPECT_EQ(fmt.on(p, r, "w:b"), bold) << text_of(p);
    EXPECT_EQ(fmt.on(p, r, "w:i"), italic) << text_of(p);
}

// The short solid line under an element: the next paragraph, empty, with a single top or bottom
// border, 1/6 to 1/2 of the width it is centred in.
void expect_short_line_after(const WordFormatting& fmt, pugi::xml_node p, int width) {
    const pugi::xml_node line = p.next_sibling("w:p");
    ASSERT_TRUE(line) << text_of(p);
    EXPECT_EQ(text_of(line), "");
    // w:pBdr holds w:top / w:bottom: resolved one level down, as WordFormatting::paragraph does.
    pugi::xml_node bdr = line.child("w:pPr").child("w:pBdr");
    for (pugi::xml_node s =
             fmt.style(line.child("w:pPr").child("w:pStyle").attribute("w:val").value());
         !bdr && s; s = fmt.style(s.child("w:basedOn").attribute("w:val").value()))
        bdr = s.child("w:pPr").child("w:pBdr");
    EXPECT_TRUE(std::string_view(bdr.child("w:top").attribute("w:val").value()) == "single" ||
                std::string_view(bdr.child("w:bottom").attribute("w:val").value()) == "single")
        << "no line under " << text_of(p);
    const double length = width - std::stod("0" + fmt.paragraph(line, "w:ind", "w:left")) -
                          std::stod("0" + fmt.paragraph(line, "w:ind", "w:right"));
    EXPECT_GE(length / width, 1.0 / 6) << text_of(p);
    EXPECT_LE(length / width, 0.5) << text_of(p);
    EXPECT_EQ(fmt.paragraph(line, "w:jc", "w:val"), "center");
}

int cell_width(pugi::xml_node p) {
    return p.parent().child("w:tcPr").child("w:tcW").attribute("w:w").as_int();
}

void expect_heading(const Package& pkg, const WordFormatting& fmt, const KindLayout& k,
                    const FormInfo& info) {
    const pugi::xml_node doc = pkg.root("word/document.xml");
    const int text_width = info.landscape ? 16838 - 1701 - 851 : 11906 - 1701 - 851;
    // The national title and motto (II.1): bold, 12-13 and 13-14 pt, a solid line as long as the
    // motto (its underline).
    const pugi::xml_node title = paragraph(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect_run(fmt, title, 24, 26, true, false);
    const pugi::xml_node motto = paragraph(doc, "Độc lập - Tự do - Hạnh phúc");
    expect_run(fmt, motto, 26, 28, true, false);
    EXPECT_EQ(std::string(fmt.run(motto, first_run(motto), "w:u").attribute("w:val").value()),
              "single");
    EXPECT_EQ(motto.previous_sibling("w:p"), title);
    // The issuing body (II.2): the parent body upright, the body itself bold, capitals, a line.
    const pugi::xml_node parent = paragraph(doc, "{{?co_quan.chu_quan}}{{co_quan.chu_quan}}");
    expect_run(fmt, parent, 24, 26, false, false);
    EXPECT_TRUE(fmt.on(parent, first_run(parent), "w:caps"));
    const pugi::xml_node body = paragraph(doc, "{{co_quan.ten}}");
    expect_run(fmt, body, 24, 26, true, false);
    EXPECT_TRUE(fmt.on(body, first_run(body), "w:caps"));
    expect_short_line_after(fmt, body, cell_width(body));
    // Number (II.3) and place and date (II.4), on one line: the second row of the heading table.
    const pugi::xml_node date = paragraph(doc, "{{dia_danh}}, {{ngay_thang}}");
    expect_run(fmt, date, 26, 28, false, true);
    EXPECT_EQ(fmt.paragraph(date, "w:jc", "w:val"), "center");
    if (k.number != nullptr) {
        const pugi::xml_node number = paragraph(doc, k.number);
        expect_run(fmt, number, 26, 26, false, false);
        EXPECT_EQ(number.parent().parent(), date.parent().parent()) << "not on the date's line";
    } else {
        EXPECT_EQ(doc.select_node("//w:t[starts-with(., 'Số:')]").node(), pugi::xml_node());
    }
    // Type and summary (II.5): capitals bold, then the summary bold, a short line under it.
    const pugi::xml_node type = paragraph(doc, k.type_name);
    expect_run(fmt, type, 26, 28, true, false);
    EXPECT_EQ(fmt.paragraph(type, "w:jc", "w:val"), "center");
    const pugi::xml_node summary = paragraph(doc, "{{trich_yeu}}");
    expect_run(fmt, summary, 26, 28, true, false);
    EXPECT_EQ(fmt.paragraph(summary, "w:jc", "w:val"), "center");
    expect_short_line_after(fmt, summary, text_width);
}

// Body text (II.6): 13-14 pt, justified, first line indented 1-1.27 cm, at least 6 pt between
// paragraphs, line spacing single to 1.5 lines.
void expect_body(const Package& pkg, const WordFormatting& fmt) {
    int justified = 0;
    for (pugi::xpath_node n : pkg.root("word/document.xml").select_nodes("w:body/w:p")) {
        const pugi::xml_node p = n.node();
        if (text_of(p).empty()) continue;
        const int size = fmt.half_points(p, first_run(p));
        EXPECT_TRUE(size >= 22 && size <= 28) << text_of(p) << ": " << size;
        if (fmt.paragraph(p, "w:jc", "w:val") != "both") continue;
        ++justified;
        EXPECT_TRUE(size >= 26 && size <= 28) << text_of(p);
        const int indent = std::stoi("0" + fmt.paragraph(p, "w:ind", "w:firstLine"));
        EXPECT_TRUE(indent >= 567 && indent <= 720) << text_of(p) << ": " << indent;
        const int before = std::stoi("0" + fmt.paragraph(p, "w:spacing", "w:before"));
        const int after = std::stoi("0" + fmt.paragraph(p, "w:spacing", "w:after"));
        EXPECT_GE(std::max(before, after), 120) << text_of(p);
        EXPECT_EQ(fmt.paragraph(p, "w:spacing", "w:lineRule"), "auto");
        const int line = std::stoi("0" + fmt.paragraph(p, "w:spacing", "w:line"));
        EXPECT_TRUE(line >= 240 && line <= 360) << text_of(p) << ": " << line;
    }
    EXPECT_GE(justified, 2);
}

// Recipients (II.9) and signature (II.7).
void expect_closing(const Package& pkg, const WordFormatting& fmt, const KindLayout& k) {
    const pugi::xml_node doc = pkg.root("word/document.xml");
    const pugi::xml_node label = paragraph(doc, "Nơi nhận:");
    EXPECT_EQ(static_cast<bool>(label), k.recipients);
    if (label) {
        expect_run(fmt, label, 24, 24, true, true);
        const pugi::xml_node list = label.next_sibling("w:p");
        EXPECT_NE(text_of(list).find("{{noi_nhan}}"), std::string::npos);
        expect_run(fmt, list, 22, 22, false, false);
        EXPECT_NE(fmt.paragraph(list, "w:jc", "w:val"), "center");
    }
    const pugi::xml_node name = paragraph(doc, k.signer);
    expect_run(fmt, name, 26, 28, true, false);
    EXPECT_EQ(fmt.paragraph(name, "w:jc", "w:val"), "center");
    if (const pugi::xml_node title = paragraph(doc, "{{nguoi_ky.chuc_vu}}")) {
        expect_run(fmt, title, 26, 28, true, false);
        EXPECT_TRUE(fmt.on(title, first_run(title), "w:caps"));
        // Title and name in the same cell: the block is centred as one.
        EXPECT_EQ(title.parent(), name.parent());
    }
}

// Lists repeat their heading row on every page.
void expect_table_headings(const Package& pkg) {
    int tables = 0;
    for (pugi::xpath_node t : pkg.root("word/document.xml")
                                  .select_nodes("//w:tbl[w:tblPr/w:tblStyle/@w:val='BangKe']")) {
        ++tables;
        EXPECT_TRUE(t.node().child("w:tr").child("w:trPr").child("w:tblHeader"));
    }
    EXPECT_GE(tables, 1);
}

}  // namespace

TEST(FormTemplates, EveryKindHasADefaultTemplateUsingOnlyItsFields) {
    for (const FormInfo& info : form_kinds()) {
        SCOPED_TRACE(std::string(info.id));
        const std::string_view bytes = default_template(info.kind);
        ASSERT_FALSE(bytes.empty());
        auto tpl = documents::DocxTemplate::open(bytes, std::string(info.id) + ".docx");
        ASSERT_TRUE(tpl) << tpl.error().format_bilingual();
        const documents::TemplatePlaceholders used = tpl->placeholders();
        for (const Diagnostic& d : used.problems)
            ADD_FAILURE() << d.format_bilingual();
        for (const Diagnostic& d :
             documents::check_template(used, form_schema(info.kind), std::string(info.id)))
            ADD_FAILURE() << d.format_bilingual();
        EXPECT_GE(used.fields.size(), 12u);
    }
}

TEST(FormTemplates, EveryTemplateFollowsTheLayoutOfDecree30) {
    for (const KindLayout& k : layouts()) {
        const FormInfo& info = form_info(k.kind);
        SCOPED_TRACE(std::string(info.id));
        const Package pkg(default_template(k.kind));
        const WordFormatting fmt(pkg.root("word/styles.xml"));
        expect_page_setup(pkg, info);
        expect_page_numbers(pkg, fmt);
        expect_fonts(pkg);
        expect_heading(pkg, fmt, k, info);
        expect_body(pkg, fmt);
        expect_closing(pkg, fmt, k);
        expect_table_headings(pkg);
    }
}

TEST(FormTemplates, TheDecisionsAnnexNumbersItsPagesOnItsOwn) {
    const Package pkg(default_template(FormKind::Decision));
    const auto sections = pkg.root("word/document.xml").select_nodes("//w:sectPr");
    ASSERT_EQ(sections.size(), 2u);
    const pugi::xml_node annex = sections[1].node();
    EXPECT_EQ(std::string(annex.child("w:type").attribute("w:val").value()), "nextPage");
    EXPECT_EQ(annex.child("w:pgNumType").attribute("w:start").as_int(), 1);
    EXPECT_TRUE(annex.child("w:titlePg"));
}

TEST(FormTemplates, TheProposalListIsLandscapeAndItsRowRepeatsPerProposal) {
    auto tpl = documents::DocxTemplate::open(default_template(FormKind::ProposalList));
    ASSERT_TRUE(tpl);
    const auto used = tpl->placeholders();
    ASSERT_TRUE(used.lists.contains("de_nghi"));
    for (const char* field : {"ten", "don_vi", "nhom", "hinh_thuc", "thanh_tich", "ghi_chu"})
        EXPECT_NE(
            std::find(used.lists.at("de_nghi").begin(), used.lists.at("de_nghi").end(), field),
            used.lists.at("de_nghi").end())
            << field;
    EXPECT_TRUE(form_info(FormKind::ProposalList).landscape);
}
