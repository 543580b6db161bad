#pragma once
// What poppler-utils say about a PDF, for the layout tests of the document templates: page
// sizes (pdfinfo), words with their boxes (pdftotext -bbox), plain text (pdftotext -layout),
// fonts (pdffonts) and grey-scale renderings (pdftoppm -gray, PGM).

#include <filesystem>
#include <string>
#include <vector>

namespace thidua::testing_support {

bool have_command(const std::string& name);

struct PdfSize {
    double width = 0, height = 0;  // points
};
std::vector<PdfSize> pdf_page_sizes(const std::filesystem::path& pdf);

struct PdfWord {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // points, from the top-left corner
    std::string text;
};
struct PdfPageWords {
    PdfSize size;
    std::vector<PdfWord> words;
};
std::vector<PdfPageWords> pdf_words(const std::filesystem::path& pdf);

// Pages separated by '\f', in their layout: one line of the page, one line of text.
std::string pdf_layout_text(const std::filesystem::path& pdf);
// In reading order, every run of white space (line ends too) as one space: a name wrapped in a
// table cell reads whole.
std::string pdf_flowing_text(const std::filesystem::path& pdf);

// Font names without the subset prefix: "LiberationSerif-Bold".
std::vector<std::string> pdf_fonts(const std::filesystem::path& pdf);

struct GrayPage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;  // row by row, 0 black .. 255 white
    bool ink(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x] < 160; }
};
// Renders every page at `dpi` into `dir` and reads the images back.
std::vector<GrayPage> pdf_render_gray(const std::filesystem::path& pdf,
                                      const std::filesystem::path& dir, int dpi);

}  // namespace thidua::testing_support
