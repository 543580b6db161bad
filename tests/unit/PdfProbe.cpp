#include "PdfProbe.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include <pugixml.hpp>

namespace thidua::testing_support {
namespace fs = std::filesystem;
namespace {

std::string quoted(const fs::path& path) {
    std::string out = "'";
    for (char c : path.string())
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Standard output of a shell command (tests only: the paths are the test's own temp files).
std::string capture(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    if (!pipe) return out;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0)
        out.append(buffer, n);
    return out;
}

}  // namespace

bool have_command(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::vector<PdfSize> pdf_page_sizes(const fs::path& pdf) {
    const std::string info = capture("pdfinfo -f 1 -l 9999 " + quoted(pdf) + " 2>/dev/null");
    static const std::regex size(R"(Page +\d+ size: +([0-9.]+) x ([0-9.]+) pts)");
    std::vector<PdfSize> sizes;
    for (std::sregex_iterator it(info.begin(), info.end(), size), end; it != end; ++it)
        sizes.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
    return sizes;
}

std::vector<PdfPageWords> pdf_words(const fs::path& pdf) {
    const std::string html = capture("pdftotext -bbox " + quoted(pdf) + " - 2>/dev/null");
    pugi::xml_document doc;
    doc.load_string(html.c_str());
    std::vector<PdfPageWords> pages;
    for (const pugi::xpath_node& p : doc.select_nodes("//page")) {
        PdfPageWords page;
        page.size = {p.node().attribute("width").as_double(),
                     p.node().attribute("height").as_double()};
        for (const pugi::xml_node w : p.node().children("word"))
            page.words.push_back({w.attribute("xMin").as_double(), w.attribute("yMin").as_double(),
                                  w.attribute("xMax").as_double(), w.attribute("yMax").as_double(),
                                  w.text().get()});
        pages.push_back(std::move(page));
    }
    return pages;
}

std::string pdf_layout_text(const fs::path& pdf) {
    return capture("pdftotext -layout " + quoted(pdf) + " - 2>/dev/null");
}

std::string pdf_flowing_text(const fs::path& pdf) {
    const std::string text = capture("pdftotext " + quoted(pdf) + " - 2>/dev/null");
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

std::vector<std::string> pdf_fonts(const fs::path& pdf) {
    std::istringstream lines(capture("pdffonts " + quoted(pdf) + " 2>/dev/null"));
    std::vector<std::string> fonts;
    int row = 0;
    for (std::string line; std::getline(lines, line); ++row) {
        if (row < 2 || line.empty()) continue;  // the heading and its underline
        std::string name = line.substr(0, line.find(' '));
        if (const size_t plus = name.find('+'); plus != std::string::npos) name.erase(0, plus + 1);
        fonts.push_back(name);
    }
    return fonts;
}

std::vector<GrayPage> pdf_render_gray(const fs::path& pdf, const fs::path& dir, int dpi) {
    const fs::path prefix = dir / "page";
    std::system(("pdftoppm -gray -r " + std::to_string(dpi) + " " + quoted(pdf) + " " +
                 quoted(prefix) + " 2>/dev/null")
                    .c_str());
    std::vector<fs::path> files;  // page-1.pgm, or page-01.pgm from ten pages on
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().starts_with("page-")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<GrayPage> pages;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::string magic;
        int max_value = 0;
        GrayPage page;
        in >> magic >> page.width >> page.height >> max_value;
        in.get();  // the single white space before the pixels
        if (magic != "P5" || max_value != 255) return {};
        page.pixels.resize(static_cast<size_t>(page.width) * page.height);
        in.read(reinterpret_cast<char*>(page.pixels.data()),
                static_cast<std::streamsize>(page.pixels.size()));
        if (!in) return {};
        pages.push_back(std::move(page));
        fs::remove(file);
    }
    return pages;
}

}  // namespace thidua::testing_support
