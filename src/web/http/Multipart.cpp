#include "web/http/Multipart.h"

#include <cstddef>
#include <optional>

#include "web/http/HttpText.h"

namespace thidua::web {

namespace {

constexpr std::size_t kMaxParts = 100;
constexpr std::size_t kMaxHeaderLine = 8 * 1024;  // a long UTF-8 filename percent-encoded
constexpr std::size_t kMaxHeadersPerPart = 16;
constexpr std::size_t kMaxBoundary = 70;  // RFC 2046

using Error = tl::unexpected<std::string>;

Error invalid(std::string_view why) {
    return Error("Dữ liệu multipart không hợp lệ: " + std::string(why));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// One `name=value` header parameter (after a `;`), the value a token or a quoted string with
// backslash escapes. Reads from the front of `text`; nullopt on broken syntax.
struct Parameter {
    std::string name;
    std::string value;
};

std::optional<Parameter> next_parameter(std::string_view& text) {
    text = trim_ows(text);
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    Parameter parameter{to_lower_ascii(trim_ows(text.substr(0, equals))), {}};
    text = trim_ows(text.substr(equals + 1));
    if (!text.empty() && text.front() == '"') {
        std::size_t i = 1;
        for (; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\' && i + 1 < text.size()) ++i;
            parameter.value += text[i];
        }
        if (i >= text.size()) return std::nullopt;  // no closing quote
        text = trim_ows(text.substr(i + 1));
    } else {
        const auto end = text.find(';');
        parameter.value = std::string(trim_ows(text.substr(0, end)));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end);
    }
    if (!text.empty()) {
        if (text.front() != ';') return std::nullopt;
        text.remove_prefix(1);
    }
    return parameter;
}

// The media type before the first `;`, lower-cased; `rest` gets the parameters.
std::string media_type(std::string_view header, std::string_view& rest) {
    const auto semicolon = header.find(';');
    rest = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    return to_lower_ascii(trim_ows(header.substr(0, semicolon)));
}

tl::expected<std::string, std::string> find_boundary(std::string_view content_type) {
    std::string_view rest;
    if (!media_type(content_type, rest).starts_with("multipart/"))
        return invalid("Content-Type không phải multipart");
    while (!trim_ows(rest).empty()) {
        auto parameter = next_parameter(rest);
        if (!parameter) return invalid("tham số Content-Type sai cú pháp");
        if (parameter->name != "boundary") continue;
        if (parameter->value.empty() || parameter->value.size() > kMaxBoundary)
            return invalid("boundary rỗng hoặc quá dài");
        return parameter->value;
    }
    return invalid("thiếu boundary trong Content-Type");
}

// filename*=UTF-8''%e2%82%ac.txt (RFC 5987); nullopt for other charsets.
std::optional<std::string> decode_ext_value(std::string_view value) {
    const auto quote = value.find('\'');
    if (quote == std::string_view::npos) return std::nullopt;
    const auto second = value.find('\'', quote + 1);
    if (second == std::string_view::npos) return std::nullopt;
    if (!iequals(value.substr(0, quote), "utf-8")) return std::nullopt;
    return percent_decode(value.substr(second + 1), false);
}

struct PartHeaders {
    std::string disposition;
    std::string content_type;
};

tl::expected<void, std::string> apply_disposition(std::string_view value, MultipartPart& part) {
    std::string_view rest;
    if (media_type(value, rest) != "form-data")
        return invalid("Content-Disposition của một phần không phải form-data");
    bool has_name = false;
    std::optional<std::string> extended;
    while (!trim_ows(rest).empty()) {
        auto parameter = next_parameter(rest);
        if (!parameter) return invalid("Content-Disposition sai cú pháp");
        if (parameter->name == "name") {
            part.name = std::move(parameter->value);
            has_name = true;
        } else if (parameter->name == "filename") {
            part.filename = std::move(parameter->value);
        } else if (parameter->name == "filename*") {
            extended = decode_ext_value(parameter->value);
        }
    }
    if (extended && !extended->empty()) part.filename = std::move(*extended);
    if (!has_name) return invalid("một phần thiếu tên trường (name)");
    return {};
}

// Reads one header block ending in an empty line; `body` is left at the part's data.
tl::expected<PartHeaders, std::string> read_headers(std::string_view& body) {
    PartHeaders headers;
    std::string* last = nullptr;
    for (std::size_t count = 0;; ++count) {
        const auto end = body.find("\r\n");
        if (end == std::string_view::npos) return invalid("phần dữ liệu bị cắt cụt");
        if (end > kMaxHeaderLine) return invalid("dòng tiêu đề của một phần quá dài");
        const std::string_view line = body.substr(0, end);
        body.remove_prefix(end + 2);
        if (line.empty()) return headers;
        if (count >= kMaxHeadersPerPart) return invalid("một phần có quá nhiều tiêu đề");
        if (line.front() == ' ' || line.front() == '\t') {
            // Obsolete line folding: the line continues the previous header.
            if (!last) return invalid("dòng tiêu đề sai cú pháp");
            *last += ' ';
            *last += trim_ows(line);
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return invalid("dòng tiêu đề sai cú pháp");
        const std::string name = to_lower_ascii(trim_ows(line.substr(0, colon)));
        const std::string_view value = trim_ows(line.substr(colon + 1));
        last = nullptr;
        if (name == "content-disposition") last = &headers.disposition;
        if (name == "content-type") last = &headers.content_type;
        if (last) *last = std::string(value);
    }
}

// After a delimiter: `--` closes the body, otherwise optional whitespace and CRLF.
enum class After { Part, Close, Bad };

After after_delimiter(std::string_view& body) {
    if (body.starts_with("--")) return After::Close;
    body = body.substr(std::min(body.find_first_not_of(" \t"), body.size()));
    if (!body.starts_with("\r\n")) return After::Bad;
    body.remove_prefix(2);
    return After::Part;
}

}  // namespace

tl::expected<std::vector<MultipartPart>, std::string> parse_multipart(std::string_view content_type,
                                                                      std::string_view body) {
    const auto boundary = find_boundary(content_type);
    if (!boundary) return Error(boundary.error());
    const std::string dash_boundary = "--" + *boundary;
    const std::string delimiter = "\r\n" + dash_boundary;

    // The preamble (usually empty) ends at the first delimiter, which may open the body.
    if (body.starts_with(dash_boundary)) {
        body.remove_prefix(dash_boundary.size());
    } else {
        const auto start = body.find(delimiter);
        if (start == std::string_view::npos) return invalid("không thấy boundary trong nội dung");
        body.remove_prefix(start + delimiter.size());
    }

    std::vector<MultipartPart> parts;
    for (;;) {
        const After after = after_delimiter(body);
        if (after == After::Close) return parts;  // the epilogue is ignored
        if (after == After::Bad) return invalid("boundary không đứng riêng một dòng");
        if (parts.size() >= kMaxParts) return invalid("quá nhiều phần (tối đa 100)");
        auto headers = read_headers(body);
        if (!headers) return Error(headers.error());
        if (headers->disposition.empty()) return invalid("một phần thiếu Content-Disposition");
        MultipartPart part;
        if (auto applied = apply_disposition(headers->disposition, part); !applied)
            return Error(applied.error());
        part.content_type = std::move(headers->content_type);
        const auto end = body.find(delimiter);
        if (end == std::string_view::npos) return invalid("thiếu boundary kết thúc");
        part.data = body.substr(0, end);
        body.remove_prefix(end + delimiter.size());
        parts.push_back(std::move(part));
    }
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;  // a stray '%' stays as sent
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_form_urlencoded(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const std::string_view piece = text.substr(0, amp);
        text.remove_prefix(amp == std::string_view::npos ? text.size() : amp + 1);
        if (piece.empty()) continue;
        const auto equals = piece.find('=');
        pairs.emplace_back(percent_decode(piece.substr(0, equals), true),
                           equals == std::string_view::npos
                               ? std::string()
                               : percent_decode(piece.substr(equals + 1), true));
    }
    return pairs;
}

}  // namespace thidua::web
