#include "io/xlsx/XmlStream.h"

#include <cstring>

#include <expat.h>
#include <fmt/format.h>

namespace thidua {
namespace {

constexpr char kSeparator = '|';

XmlName split(const char* name) {
    const std::string_view full(name);
    const size_t bar = full.rfind(kSeparator);
    if (bar == std::string_view::npos) return {{}, full};
    return {full.substr(0, bar), full.substr(bar + 1)};
}

struct Context {
    XML_Parser parser;
    XmlHandler* handler;
    bool doctype = false;
};

void on_start(void* data, const char* name, const char** attrs) {
    auto* c = static_cast<Context*>(data);
    c->handler->start(split(name), XmlAttributes(attrs));
    if (c->handler->stop) XML_StopParser(c->parser, XML_FALSE);
}

void on_end(void* data, const char* name) {
    auto* c = static_cast<Context*>(data);
    c->handler->end(split(name));
    if (c->handler->stop) XML_StopParser(c->parser, XML_FALSE);
}

void on_text(void* data, const char* text, int length) {
    auto* c = static_cast<Context*>(data);
    c->handler->text(std::string_view(text, static_cast<size_t>(length)));
}

void on_doctype(void* data, const char*, const char*, const char*, int) {
    auto* c = static_cast<Context*>(data);
    c->doctype = true;
    XML_StopParser(c->parser, XML_FALSE);
}

// Owns the expat parser for one parse.
struct Parser {
    XML_Parser p = XML_ParserCreateNS(nullptr, kSeparator);
    ~Parser() { XML_ParserFree(p); }
};

ZipProblem xml_problem(const std::string& part, XML_Parser parser, const Context& context) {
    if (context.doctype)
        return {fmt::format("Phần \"{}\" của tệp có khai báo DOCTYPE, không được phép", part),
                fmt::format("the part \"{}\" has a DOCTYPE, which is not allowed", part)};
    const auto line = XML_GetCurrentLineNumber(parser);
    const char* reason = XML_ErrorString(XML_GetErrorCode(parser));
    return {
        fmt::format("Phần \"{}\" của tệp không phải XML hợp lệ (dòng {}: {})", part, line, reason),
        fmt::format("the part \"{}\" is not well-formed XML (line {}: {})", part, line, reason)};
}

}  // namespace

const char* XmlAttributes::get(std::string_view local) const {
    for (const char** a = m_attrs; a != nullptr && *a != nullptr; a += 2) {
        if (split(a[0]).local == local) return a[1];
    }
    return nullptr;
}

const char* XmlAttributes::get(std::string_view ns, std::string_view local) const {
    for (const char** a = m_attrs; a != nullptr && *a != nullptr; a += 2) {
        const XmlName name = split(a[0]);
        if (name.local == local && name.ns == ns) return a[1];
    }
    return nullptr;
}

tl::expected<void, ZipProblem> parse_xml_entry(ZipArchive& archive, size_t index,
                                               XmlHandler& handler) {
    auto stream = archive.open(index);
    if (!stream) return tl::unexpected(stream.error());
    Parser parser;
    Context context{parser.p, &handler};
    XML_SetUserData(parser.p, &context);
    XML_SetElementHandler(parser.p, on_start, on_end);
    XML_SetCharacterDataHandler(parser.p, on_text);
    XML_SetStartDoctypeDeclHandler(parser.p, on_doctype);
    const std::string& part = archive.names()[index];
    char buffer[1 << 16];
    for (;;) {
        auto n = stream->read(buffer, sizeof buffer);
        if (!n) return tl::unexpected(n.error());
        const bool last = *n == 0;
        if (XML_Parse(parser.p, buffer, static_cast<int>(*n), last) == XML_STATUS_ERROR) {
            if (handler.stop && !context.doctype) return {};
            return tl::unexpected(xml_problem(part, parser.p, context));
        }
        if (handler.stop) return {};
        if (last) return {};
    }
}

}  // namespace thidua
