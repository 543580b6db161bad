#include "documents/DocxTemplate.h"

#include <algorithm>
#include <new>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "documents/PackageWriter.h"
#include "documents/PartFiller.h"
#include "documents/WordNames.h"
#include "io/zip/ZipArchive.h"

namespace thidua::documents {

struct DocxTemplate::Package {
    struct Entry {
        std::string name;
        std::string data;
        int part = -1;  // index in parts when this entry is a text part
    };
    struct Part {
        size_t entry = 0;
        std::unique_ptr<pugi::xml_document> xml;
        WordNames names;
    };
    std::string file_name;
    std::vector<Entry> entries;
    std::vector<Part> parts;
};

namespace {

// Whitespace-only text is kept (parse_ws_pcdata): "<w:t xml:space="preserve"> </w:t>" is a space
// the author typed. The declaration, processing instructions and comments are kept so parts that
// are not changed come out as they went in.
constexpr unsigned kParseOptions = pugi::parse_full | pugi::parse_ws_pcdata;

Diagnostic refuse(const std::string& file, std::string vi, std::string en) {
    return Diagnostic::about_file(file, std::move(vi), std::move(en));
}

Diagnostic out_of_memory(const std::string& file) {
    return refuse(file, "Không đủ bộ nhớ để xử lý tệp mẫu",
                  "out of memory processing the template");
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<size_t> find_entry(const DocxTemplate::Package& pkg, std::string_view name) {
    const std::string wanted = lower_ascii(name);
    for (size_t i = 0; i < pkg.entries.size(); ++i) {
        if (pkg.entries[i].name == name) return i;
    }
    for (size_t i = 0; i < pkg.entries.size(); ++i) {
        if (lower_ascii(pkg.entries[i].name) == wanted) return i;
    }
    return std::nullopt;
}

// The main document part named by the package relationships, else where Word puts it.
std::optional<size_t> find_main_part(const DocxTemplate::Package& pkg) {
    if (const auto rels = find_entry(pkg, "_rels/.rels")) {
        pugi::xml_document doc;
        const std::string& data = pkg.entries[*rels].data;
        if (doc.load_buffer(data.data(), data.size(), pugi::parse_default)) {
            for (pugi::xml_node r : doc.document_element().children()) {
                if (!ends_with(r.name(), "Relationship") ||
                    !ends_with(r.attribute("Type").value(), "/officeDocument"))
                    continue;
                std::string_view target = r.attribute("Target").value();
                while (!target.empty() && target.front() == '/')
                    target.remove_prefix(1);
                if (target.substr(0, 2) == "./") target.remove_prefix(2);
                if (const auto found = find_entry(pkg, target)) return found;
            }
        }
    }
    return find_entry(pkg, "word/document.xml");
}

// Headers, footers, footnotes and endnotes next to the main part: Word names them so, and the
// relationships are not needed to find text that is filled the same way wherever it is.
bool is_story_part(std::string_view name, std::string_view folder) {
    if (name.size() <= folder.size() ||
        lower_ascii(name.substr(0, folder.size())) != lower_ascii(folder))
        return false;
    const std::string rest = lower_ascii(name.substr(folder.size()));
    if (rest.find('/') != std::string::npos || !ends_with(rest, ".xml")) return false;
    if (rest == "footnotes.xml" || rest == "endnotes.xml") return true;
    for (std::string_view stem : {"header", "footer"}) {
        if (rest.substr(0, stem.size()) != stem) continue;
        const std::string_view digits =
            std::string_view(rest).substr(stem.size(), rest.size() - stem.size() - 4);
        return std::all_of(digits.begin(), digits.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
    }
    return false;
}

tl::expected<void, Diagnostic> load_part(DocxTemplate::Package& pkg, size_t entry, bool main,
                                         const DocxLimits& limits) {
    const DocxTemplate::Package::Entry& e = pkg.entries[entry];
    if (e.data.size() > limits.max_xml_part_bytes)
        return tl::unexpected(refuse(pkg.file_name,
                                     fmt::format("Phần \"{}\" của tệp mẫu quá lớn", e.name),
                                     fmt::format("the part \"{}\" is too large", e.name)));
    auto xml = std::make_unique<pugi::xml_document>();
    const pugi::xml_parse_result parsed =
        xml->load_buffer(e.data.data(), e.data.size(), kParseOptions);
    if (!parsed) {
        return tl::unexpected(
            refuse(pkg.file_name,
                   fmt::format("Phần \"{}\" của tệp mẫu không phải XML hợp lệ (vị trí {}: {})",
                               e.name, parsed.offset, parsed.description()),
                   fmt::format("the part \"{}\" is not well-formed XML (offset {}: {})", e.name,
                               parsed.offset, parsed.description())));
    }
    const pugi::xml_node root = xml->document_element();
    if (WordNames::declares_strict(root))
        return tl::unexpected(refuse(
            pkg.file_name,
            "Tệp mẫu được lưu ở dạng \"Strict Open XML\"; hãy lưu lại dưới dạng \"Word Document "
            "(.docx)\" thông thường",
            "the template is saved as Strict Open XML; save it again as a regular Word Document "
            "(.docx)"));
    std::optional<WordNames> names = WordNames::for_root(root);
    if (!names || (main && names->local(root) != "document")) {
        if (!main) return {};  // not WordprocessingML text: copied as it is
        return tl::unexpected(refuse(
            pkg.file_name, fmt::format("Phần \"{}\" không phải nội dung văn bản Word", e.name),
            fmt::format("the part \"{}\" is not a WordprocessingML document", e.name)));
    }
    pkg.entries[entry].part = static_cast<int>(pkg.parts.size());
    pkg.parts.push_back({entry, std::move(xml), std::move(*names)});
    return {};
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

std::string save(pugi::xml_document& doc) {
    // The DOM is UTF-8 whatever the part was written in; the declaration must say so.
    for (pugi::xml_node n : doc.children()) {
        if (n.type() != pugi::node_declaration) continue;
        if (pugi::xml_attribute enc = n.attribute("encoding")) enc.set_value("UTF-8");
    }
    StringWriter writer;
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return std::move(writer.out);
}

tl::expected<DocxTemplate::Package, Diagnostic> read_package(std::string_view bytes,
                                                             const std::string& file_name,
                                                             const DocxLimits& limits) {
    // Word 97-2003 files and password-protected .docx are OLE compound files, not zips.
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return tl::unexpected(refuse(
            file_name,
            "Tệp mẫu là tài liệu Word 97-2003 (.doc) hoặc tệp .docx có đặt mật khẩu; hãy bỏ mật "
            "khẩu và lưu lại dưới dạng \"Word Document (.docx)\"",
            "the template is a Word 97-2003 (.doc) file or a password-protected .docx; remove "
            "the password and save it as a Word Document (.docx)"));
    ZipLimits zip_limits;
    zip_limits.max_entries = limits.max_entries;
    zip_limits.max_total_bytes = limits.max_total_bytes;
    auto archive = ZipArchive::open_memory(bytes, zip_limits);
    if (!archive)
        return tl::unexpected(refuse(file_name,
                                     "Tệp mẫu không phải tệp .docx: " + archive.error().vi,
                                     "the template is not a .docx file: " + archive.error().en));
    DocxTemplate::Package pkg;
    pkg.file_name = file_name;
    for (size_t i = 0; i < archive->names().size(); ++i) {
        auto data = archive->read(i);
        if (!data)
            return tl::unexpected(refuse(file_name, "Tệp mẫu bị hỏng: " + data.error().vi,
                                         "the template is damaged: " + data.error().en));
        pkg.entries.push_back({archive->names()[i], std::move(*data), -1});
    }
    return pkg;
}

}  // namespace

tl::expected<DocxTemplate, Diagnostic> DocxTemplate::open(std::string_view bytes,
                                                          std::string file_name,
                                                          const DocxLimits& limits) {
    try {
        auto pkg = read_package(bytes, file_name, limits);
        if (!pkg) return tl::unexpected(pkg.error());
        const std::optional<size_t> main = find_main_part(*pkg);
        if (!main)
            return tl::unexpected(
                refuse(file_name,
                       "Tệp mẫu không có phần word/document.xml: không phải tài liệu Word (.docx)",
                       "the template has no word/document.xml: it is not a Word document (.docx)"));
        if (auto loaded = load_part(*pkg, *main, true, limits); !loaded)
            return tl::unexpected(loaded.error());
        const std::string& main_name = pkg->entries[*main].name;
        const std::string folder = main_name.substr(0, main_name.rfind('/') + 1);
        for (size_t i = 0; i < pkg->entries.size(); ++i) {
            if (i == *main || !is_story_part(pkg->entries[i].name, folder)) continue;
            if (auto loaded = load_part(*pkg, i, false, limits); !loaded)
                return tl::unexpected(loaded.error());
        }
        return DocxTemplate(std::make_shared<const Package>(std::move(*pkg)));
    } catch (const std::bad_alloc&) {
        return tl::unexpected(out_of_memory(file_name));
    }
}

std::vector<std::string> DocxTemplate::text_parts() const {
    std::vector<std::string> out;
    for (const Package::Part& part : m_package->parts)
        out.push_back(m_package->entries[part.entry].name);
    return out;
}

TemplatePlaceholders DocxTemplate::placeholders() const {
    TemplatePlaceholders out;
    try {
        PartFillLog log;
        // Record mode only reads, so the shared parsed parts are walked as they are (reading a
        // pugixml DOM from several threads at once is safe).
        for (const Package::Part& part : m_package->parts) {
            PartFiller(m_package->entries[part.entry].name, part.names, nullptr, false, log)
                .fill(*part.xml);
        }
        out.fields.assign(log.fields.begin(), log.fields.end());
        for (auto& [list, fields] : log.lists)
            out.lists.emplace(list, std::vector<std::string>(fields.begin(), fields.end()));
        out.problems = std::move(log.problems);
    } catch (const std::bad_alloc&) {
        out = {};
        out.problems.push_back(out_of_memory(m_package->file_name));
    }
    return out;
}

tl::expected<FilledDocument, Diagnostic> DocxTemplate::fill(const TemplateValues& values,
                                                            const FillOptions& options) const {
    try {
        PartFillLog log;
        std::vector<std::string> filled(m_package->parts.size());
        for (size_t k = 0; k < m_package->parts.size(); ++k) {
            const Package::Part& part = m_package->parts[k];
            pugi::xml_document doc;
            doc.reset(*part.xml);
            PartFiller(m_package->entries[part.entry].name, part.names, &values,
                       options.blank_unknown, log)
                .fill(doc);
            filled[k] = save(doc);
        }
        std::vector<PackagePart> parts;
        parts.reserve(m_package->entries.size());
        for (const Package::Entry& e : m_package->entries) {
            parts.push_back({e.name, e.part >= 0
                                         ? std::string_view(filled[static_cast<size_t>(e.part)])
                                         : std::string_view(e.data)});
        }
        auto docx = write_package(parts, m_package->file_name);
        if (!docx) return tl::unexpected(docx.error());
        FilledDocument out;
        out.docx = std::move(*docx);
        out.unknown.assign(log.unknown.begin(), log.unknown.end());
        out.problems = std::move(log.problems);
        return out;
    } catch (const std::bad_alloc&) {
        return tl::unexpected(out_of_memory(m_package->file_name));
    }
}

}  // namespace thidua::documents
