// Build-time tool: packs template folders into one .docx (cmake/EmbedTemplates.cmake runs it).
//
//   thidua_pack_docx OUT.docx DIR...
//
// Every file under each DIR becomes the part of the same relative path; a later DIR replaces an
// earlier one's part (templates/docx/common, then templates/docx/<id>). Notes and editor leftovers
// (README*, *~, *.swp, .#*) are not parts. The zip is written by the engine's own
// documents::write_package: deflated, one fixed timestamp, no owner or access times, so the same
// folders give the same bytes on any machine (`cmake -E tar --format=zip` records the staged
// files' access and change times and the builder's uid).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "documents/PackageWriter.h"

namespace fs = std::filesystem;

namespace {

bool is_part(const std::string& name) {
    return !(name.starts_with("README") || name.ends_with("~") || name.ends_with(".swp") ||
             name.starts_with(".#") || name == ".DS_Store");
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT.docx DIR...\n", argv[0]);
        return 2;
    }
    std::map<std::string, std::string> parts;  // part name -> bytes, sorted by name
    for (int i = 2; i < argc; ++i) {
        const fs::path dir = argv[i];
        std::error_code error;
        for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
            if (!entry.is_regular_file() || !is_part(entry.path().filename().string())) continue;
            parts[entry.path().lexically_relative(dir).generic_string()] = read_file(entry.path());
        }
        if (error) {
            std::fprintf(stderr, "%s: %s\n", argv[i], error.message().c_str());
            return 1;
        }
    }
    if (!parts.contains("[Content_Types].xml") || !parts.contains("word/document.xml")) {
        std::fprintf(stderr, "%s: no [Content_Types].xml or word/document.xml\n", argv[1]);
        return 1;
    }
    // [Content_Types].xml first, as Word writes it; then the parts in name order.
    std::vector<thidua::documents::PackagePart> order{
        {"[Content_Types].xml", parts.at("[Content_Types].xml")}};
    for (const auto& [name, bytes] : parts)
        if (name != "[Content_Types].xml") order.push_back({name, bytes});
    auto zip = thidua::documents::write_package(order, argv[1]);
    if (!zip) {
        std::fprintf(stderr, "%s\n", zip.error().format_bilingual().c_str());
        return 1;
    }
    const std::string temp = std::string(argv[1]) + ".tmp";
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << *zip;
    out.close();
    std::error_code error;
    if (!out) error = std::make_error_code(std::errc::io_error);
    if (!error) fs::rename(temp, argv[1], error);  // no half-written package left behind
    if (error) {
        std::fprintf(stderr, "%s: %s\n", argv[1], error.message().c_str());
        return 1;
    }
    return 0;
}
