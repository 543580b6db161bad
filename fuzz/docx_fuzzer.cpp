// libFuzzer target for the DOCX template engine. An input starting with '<' is taken as
// word/document.xml (and as a header) and wrapped in a package here, because mutating a zip
// rarely gets past its CRCs to the XML; any other input is a whole .docx (zip with its bomb
// limits, package relationships, the XML parts). Whatever opens is listed, filled with values
// for every placeholder it names (lists with two records, values with line breaks and XML
// specials) and the output must open again as a template.
//
//   scripts/fuzz.sh docx_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "documents/DocxTemplate.h"
#include "documents/PackageWriter.h"

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

constexpr std::string_view kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace thidua::documents;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    DocxLimits limits;
    limits.max_total_bytes = 1 << 20;  // keeps each run fast; the checks are the same
    std::string wrapped;
    if (!input.empty() && input.front() == '<') {
        auto package = write_package(
            {{"_rels/.rels", kRels}, {"word/document.xml", input}, {"word/header1.xml", input}},
            "fuzz.docx");
        if (!package) return 0;
        wrapped = std::move(*package);
    }
    const auto tpl = DocxTemplate::open(wrapped.empty() ? input : wrapped, "fuzz.docx", limits);
    if (!tpl) {
        check(!tpl.error().message.empty() && !tpl.error().message_en.empty());
        return 0;
    }
    const TemplatePlaceholders used = tpl->placeholders();
    TemplateValues values;
    for (const std::string& name : used.fields)
        values.set(name, "<&\"Hồng\">\nNhung\t{{x}}");
    for (const auto& [list, fields] : used.lists) {
        for (int i = 0; i < 2; ++i) {
            TemplateRecord record;
            for (const std::string& field : fields)
                record[field] = i == 0 ? "Kiên Giang" : "";
            values.add_record(list, std::move(record));
        }
    }
    const auto filled = tpl->fill(values);
    if (!filled) return 0;  // a package libzip cannot write back (e.g. duplicate names)
    // Every placeholder the listing named was given a value.
    check(filled->unknown.empty());
    // Filling can grow a part several times over ("{{a}}" -> a long value, rows repeated).
    DocxLimits roomy;
    roomy.max_total_bytes = roomy.max_xml_part_bytes = 256 << 20;
    const auto again = DocxTemplate::open(filled->docx, "filled.docx", roomy);
    check(again.has_value());
    return 0;
}
