#pragma once
// The dossiers of the selected candidates as a workbook for officers: sheet "Hồ sơ", one row
// per dossier with its award, group, due date and, per document the plan asks for, the copies
// filed against those required ("0/1" in red when short, "trễ" when filed after the due date),
// and whether the dossier is complete. Title rows with the complete / incomplete count, frozen
// header, filter, widths. With the application's dossiers (`progress`, one per dossier of the
// result, in its order) each document cell also counts the files uploaded, completeness counts
// them, and the row adds the status, the number of files, lateness and the award decision.

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "eval/DossierWorkflow.h"
#include "eval/Evaluation.h"

namespace thidua {

// The documents of the period's awards' dossiers, each id once, in the order first met: the
// columns of the board.
std::vector<const DocumentSpec*> dossier_documents(const EvaluationResult& result);

// Copies filed / required, "trễ" when the last was filed after the due date: "1/1", "0/1",
// "1/1 trễ".
std::string document_cell_text(const DocumentOutcome& d);

// The error text of libxlsxwriter on failure.
tl::expected<void, std::string> write_dossier_board_xlsx(
    const EvaluationResult& result, const std::filesystem::path& path,
    const std::vector<DossierProgress>* progress = nullptr);

}  // namespace thidua
