#pragma once
// Every file thidua writes for a plan's period, by id: the six administrative documents (DOCX,
// or PDF through LibreOffice) and the four workbooks (the evaluation, the registration board, the
// dossier board, the yearly results). The command line (`thidua doc`) and the web API
// (`/api/v1/plans/{id}/documents/...`) both come here, so the same request gives the same file.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "eval/DossierWorkflow.h"
#include "eval/Evaluation.h"
#include "forms/FormKind.h"

namespace thidua::output {

enum class FileFormat { Docx, Pdf, Xlsx };

struct OutputKind {
    std::string_view id;                    // "to-trinh", "bang-dang-ky"
    std::string_view name_vi;               // "Tờ trình đề nghị khen thưởng"
    const forms::FormInfo* form = nullptr;  // null: a workbook
};

// The six forms first, then the workbooks.
std::span<const OutputKind> output_kinds();
const OutputKind* find_output_kind(std::string_view id);

struct DocumentRequest {
    const OutputKind* kind = nullptr;
    const EvaluationResult* result = nullptr;
    FileFormat format = FileFormat::Docx;  // forms: Docx or Pdf; workbooks: Xlsx
    Date date;                             // the document's date
    std::string number;                    // "" leaves room for the clerk
    Index unit = kNoIndex;                 // the unit of a unit document
    std::string award;                     // "" every award
    // The plan's own template when one was uploaded; the default otherwise.
    std::optional<std::string> template_docx;
    std::string template_name;
    // Where LibreOffice is, its profile; see documents::PdfOptions. Empty: PATH, a fresh profile.
    std::string soffice;
    // The dossiers kept in the application, one per result->dossiers entry, for the dossier
    // board (`bang-ho-so`); null: the imported dossiers.csv only (the command line).
    const std::vector<DossierProgress>* dossier_progress = nullptr;
};

struct DocumentFile {
    std::string bytes;
    std::string file_name;  // "to-trinh-kien-giang-2021-2025-2021-2025.docx"
    std::string content_type;
};

tl::expected<DocumentFile, Diagnostics> make_document(const DocumentRequest& request);

std::string_view content_type(FileFormat format);
std::string_view extension(FileFormat format);

}  // namespace thidua::output
