#pragma once
// The selected candidates' dossiers of a period with what the application keeps for each (its
// record: status path, uploads): the dossier board of the API and of the `bang-ho-so` workbook.
// A selected candidate without a record is a draft.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval/DossierWorkflow.h"
#include "store/StoreTypes.h"

namespace thidua::web {

struct DossierEntry {
    const DossierOutcome* outcome = nullptr;  // in the evaluation
    const DossierRecord* record = nullptr;    // null: nothing done yet (draft)
    std::string subject_kind;                 // "unit" or "person"
    std::string subject_id;
    std::string unit_id;  // the unit answering for it: the unit, or the person's unit that year
    DossierProgress progress;
};

// One entry per dossier of `result`, in its order. `records` must outlive the entries.
std::vector<DossierEntry> dossier_entries(const EvaluationResult& result,
                                          const std::vector<DossierRecord>& records, Date today);

// The progress of each entry, for present/DossierBoardXlsx.
std::vector<DossierProgress> dossier_progress(const std::vector<DossierEntry>& entries);

// Current uploads per document id.
std::map<std::string, int> current_uploads(const DossierRecord* record);

}  // namespace thidua::web
