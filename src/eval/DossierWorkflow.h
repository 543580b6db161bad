#pragma once
// The rules of an award dossier kept in the application (issue 6, item 4), pure: no store, no
// clock (today is a parameter). A selected candidate's dossier lists the plan's documents for its
// award and group (the evaluation's DossierOutcome: award override or plan default, due date from
// the plan's rule, copies imported from dossiers.csv); the application adds uploads and a status
// path:
//
//   draft → submitted (the unit, or Home Affairs) → returned with a reason → submitted …
//         submitted → accepted (Home Affairs; complete) → proposed to the council (Home Affairs)
//         → decided (Home Affairs or the council; the award decision's number and date)

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Date.h"
#include "eval/Evaluation.h"

namespace thidua {

enum class DossierStatus { Draft, Submitted, Returned, Accepted, Proposed, Decided };

std::string_view dossier_status_id(DossierStatus s);     // "draft" …
std::string_view dossier_status_label(DossierStatus s);  // "Đang soạn" …
std::optional<DossierStatus> parse_dossier_status(std::string_view id);

// Who acts on a dossier, from the caller's role and scope (the web layer decides which).
enum class DossierActor {
    Unit,         // a don-vi user of the dossier's unit
    HomeAffairs,  // noi-vu, quan-tri
    Council,      // hoi-dong
    Reader,       // lanh-dao: reads only
};

// Files can be added or withdrawn only while the unit holds the dossier.
bool dossier_uploads_open(DossierStatus s);
// Whether `actor` may add or withdraw files of a dossier in `s`.
bool may_change_uploads(DossierActor actor, DossierStatus s);

// The statuses `actor` may move a dossier in `from` to (the buttons a page shows).
std::vector<DossierStatus> dossier_next_statuses(DossierStatus from, DossierActor actor);

struct DossierTransition {
    DossierStatus from = DossierStatus::Draft;
    DossierStatus to = DossierStatus::Draft;
    DossierActor actor = DossierActor::Reader;
    std::string reason;           // required to return
    std::string decision_number;  // required to decide
    std::optional<Date> decision_date;
    std::vector<std::string> missing;  // document names still missing (submit, accept need none)
};

// Why a transition is refused: an HTTP status (400 bad input, 403 role, 409 state), a code and a
// Vietnamese message; `details` lists the missing documents of an incomplete dossier.
struct DossierRefusal {
    int status = 409;
    std::string code;
    std::string message;
    std::vector<std::string> details;
};

std::optional<DossierRefusal> check_dossier_transition(const DossierTransition& t);

// One required document of a dossier: what the plan asks, what was imported, what was uploaded.
struct DossierDocumentState {
    const DocumentSpec* document = nullptr;
    int required = 0;  // copies (paper sets)
    int imported = 0;  // copies in dossiers.csv
    bool imported_late = false;
    int uploads = 0;  // current (not withdrawn) uploads in the application
    bool present() const { return uploads > 0 || (required > 0 && imported >= required); }
};

struct DossierState {
    std::vector<DossierDocumentState> documents;
    bool complete = false;
    std::vector<std::string> missing;  // ids of the documents not present
    bool late = false;
};

// `imported`: the evaluation's dossier of the candidate. `uploads`: current uploads per document
// id. `submitted_on`: the date (Vietnam) the dossier was first submitted in the application.
// Late: submitted after the due date; or, never submitted in the application, filed complete
// through dossiers.csv with a copy after the due date; or neither and `today` past the due date.
DossierState dossier_state(const DossierOutcome& imported,
                           const std::map<std::string, int>& uploads,
                           std::optional<Date> submitted_on, Date today);

// A dossier as the application keeps it, beside the evaluation's (the board's and the workbook's
// row): one per entry of EvaluationResult::dossiers, in the same order.
struct DossierProgress {
    DossierStatus status = DossierStatus::Draft;
    DossierState state;
    int uploads = 0;  // current uploads
    std::optional<Date> submitted_on;
    std::string decision_number;
    std::string decision_date;
};

}  // namespace thidua
