#pragma once
// Turns a .docx into PDF with LibreOffice (soffice --headless --convert-to pdf), for users who
// want a file to print or sign rather than to edit. LibreOffice is optional: without it the
// caller offers the .docx, and the Diagnostic says which package to install.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"

namespace thidua::documents {

struct PdfOptions {
    // The soffice program: a path, or empty to search PATH for "soffice".
    std::string soffice;
    // LibreOffice is killed (its whole process group) after this long.
    std::chrono::milliseconds timeout = std::chrono::seconds(60);
    // LibreOffice's user profile folder (created when missing). Empty: a fresh one in the private
    // temporary folder of this conversion, which adds a few seconds of profile set-up. A profile
    // may be reused by conversions one after another, never by two at once (the second soffice
    // would hand its work to the first and exit).
    std::filesystem::path profile;
    // For messages only.
    std::string file_name = "document.docx";
};

// The PDF bytes. The .docx is written to a private temporary folder (removed afterwards) and
// soffice runs there without a shell, its output kept only for the error message.
tl::expected<std::string, Diagnostic> convert_docx_to_pdf(std::string_view docx,
                                                          const PdfOptions& options = {});

// The soffice that convert_docx_to_pdf would run, or empty when there is none.
std::string find_soffice(const PdfOptions& options = {});

}  // namespace thidua::documents
