#pragma once
// Values that cross the Store interface: errors, import options and counts, plan versions,
// listed names and audit entries.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace thidua {

// A failure of the store (cannot open, refused schema, SQL error). Bad *data* never reaches
// the store: readers reject it first; what the store refuses is said in both languages.
struct StoreError {
    std::string message;     // Vietnamese
    std::string message_en;  // English
    std::string detail;      // the engine's own words (SQL error text), when any

    std::string format() const;
};

struct ImportOptions {
    std::string user = "thidua";  // who imported, for the audit log
    std::string source;           // file or folder name, for the audit log
    // The plan that registrations, events and dossiers of the dataset belong to; empty: shared
    // by every plan.
    std::string plan_id;
};

struct TableCounts {
    std::string table;
    int64_t inserted = 0;
    int64_t updated = 0;
    int64_t unchanged = 0;
    int64_t removed = 0;  // link rows no longer listed (a unit's predecessors)
};

struct ImportReport {
    std::vector<TableCounts> tables;  // in import order
    bool changed() const;
};

struct PlanVersion {
    std::string plan_id;
    int version = 0;
    std::string text;
    std::string saved_by;
    std::string saved_at;  // ISO 8601 UTC
    bool created = true;   // false when save_plan() found the same text as the latest version
};

// A document template uploaded for one plan and one kind of document (forms::FormKind id).
struct PlanTemplate {
    std::string plan_id;
    std::string form;  // "to-trinh"
    int version = 0;
    std::string file_name;  // as uploaded, for the download's name
    std::string content;    // the .docx; empty: back to the product's default
    std::string sha256;
    std::string saved_by;
    std::string saved_at;  // ISO 8601 UTC
};

enum class NameKind { Unit, Person };

struct NameQuery {
    NameKind kind = NameKind::Unit;
    std::string search;  // empty: all; else matched against folded names
    int limit = 0;       // 0: no limit
};

struct NameEntry {
    std::string id;
    std::string name;
};

struct AuditEntry {
    int64_t id = 0;
    std::string at;  // ISO 8601 UTC
    std::string actor;
    std::string action;  // "import", "plan-save"
    std::string subject;
    std::string detail;  // JSON
};

// A registration made in the application (not imported): who registered when, and for one made
// after the deadline, Home Affairs' decision.
struct RegistrationEntry {
    std::string plan_id;
    std::string subject_kind;  // "unit" or "person"
    std::string subject_id;
    std::string period;
    std::string registered_on;  // ISO date (Vietnam)
    std::string registered_by;
    std::string registered_at;  // ISO 8601 UTC
    bool late = false;
    std::string decision;  // "", "accepted" or "refused"
    std::string decision_reason;
    std::string decided_by;
    std::string decided_at;
};

// A council-judged fact of a unit or person for a year, with the minutes it rests on.
struct Attestation {
    std::string subject_kind;  // "unit" or "person"
    std::string subject_id;
    int year = 0;
    std::string fact;  // head_leads, compliance, excellent_achievement | excellent_par, ethics_ok
    bool value = false;
    std::string minutes;  // "Biên bản số 12/BB-HĐTĐKT ngày 10/01/2024"
    std::string note;
    std::string entered_by;
    std::string entered_at;  // ISO 8601 UTC
};

// A unit's PAR task of a year, in one of a plan's task areas (issue 6, item 2). Never deleted:
// a task dropped from the year's list is `cancelled`.
struct ParTask {
    int64_t id = 0;
    std::string unit_id;
    int year = 0;
    std::string plan_id;  // the plan whose task areas `area` belongs to; "" for none
    std::string area;     // a task area id of that plan; "" for none
    std::string title;
    std::string due_on;              // ISO date
    std::string status = "planned";  // planned, in-progress, done, cancelled
    std::string done_on;             // ISO date; "" until done
    std::string note;
    std::string created_by;
    std::string created_at;  // ISO 8601 UTC
    std::string updated_by;
    std::string updated_at;
};

// Home Affairs' value of a unit's `task_completion` for a year, in place of the one its tasks
// give; `value` none: the override is withdrawn and the computed value stands again.
struct TaskCompletionOverride {
    std::string unit_id;
    int year = 0;
    std::optional<double> value;
    std::string reason;
    std::string entered_by;
    std::string entered_at;  // ISO 8601 UTC
};

// A nomination a sub-plan selected, forwarded as a proposal into its parent plan's period
// (Ngã Năm to Sóc Trăng, the Phú Quốc board to Kiên Giang). Versions: the latest per parent plan,
// period, award and subject stands; a withdrawal is a version with `withdrawn`.
struct ForwardedProposal {
    std::string plan_id;  // the parent plan
    std::string period;
    std::string award;         // the parent plan's award
    std::string subject_kind;  // "unit" or "person"
    std::string subject_id;
    std::string origin_plan;
    std::string origin_period;
    std::string origin_award;
    std::string origin_group;
    int origin_rank = 0;  // 0: none
    bool withdrawn = false;
    std::string note;
    std::string forwarded_by;
    std::string forwarded_at;  // ISO 8601 UTC
};

// A reminder shown to one user in the application (and mailed when SMTP is configured). The key
// and the user make it unique, so a reminder job run twice on a day adds nothing.
struct Notification {
    int64_t id = 0;
    std::string username;
    std::string key;  // the obligation's key and the reminder's tag
    std::string plan_id;
    std::string period;
    std::string unit_id;
    std::string title;
    std::string link;
    std::string due_on;      // ISO date
    std::string created_at;  // ISO 8601 UTC
    std::string read_at;     // "" while unread
    std::string mailed_at;   // "" until mailed
    std::string mail_error;  // the last failure, retried on the next run
};

struct AddedRegistration {
    RegistrationEntry entry;
    bool created = false;  // false: the subject had already registered; `entry` is that one
};

// A page of the audit log, newest first. Empty strings filter nothing.
struct AuditQuery {
    std::string actor;      // exactly
    std::string action;     // exactly
    std::string subject;    // exactly, or a prefix when it ends with '*'
    std::string from;       // ISO date or time, inclusive (UTC)
    std::string to;         // ISO date (the whole day) or time, inclusive (UTC)
    int64_t before_id = 0;  // > 0: only entries older than this id (the next page)
    int limit = 200;
};

// An uploaded file kept in the store: its bytes, what they were checked to be, and who sent them.
// Files are never deleted; what referred to them records a withdrawal instead.
struct StoredFile {
    int64_t id = 0;
    std::string name;        // as uploaded (NFC, made safe), with the extension of its kind
    std::string media_type;  // from the content, not from the sender
    int64_t size = 0;
    std::string sha256;
    std::string content;  // empty when listed without the bytes
    std::string uploaded_by;
    std::string uploaded_at;  // ISO 8601 UTC
};

// A selected candidate's award dossier, by its natural key.
struct DossierKey {
    std::string plan_id;
    std::string period;
    std::string award;
    std::string subject_kind;  // "unit" or "person"
    std::string subject_id;
};

// One step of a dossier's status path (append-only; the latest is the status).
struct DossierEvent {
    int64_t id = 0;
    std::string from_status;  // "draft", "submitted", "returned", "accepted", "proposed", "decided"
    std::string to_status;
    std::string reason;           // a return's reason
    std::string decision_number;  // the award decision (decided)
    std::string decision_date;    // ISO date (decided)
    std::string by;
    std::string at;  // ISO 8601 UTC
    std::string on;  // the date in Vietnam (ISO), for lateness
};

// A file filed against one of the plan's documents of a dossier; a withdrawal is a record of its
// own, so the upload and its file stay.
struct DossierUpload {
    int64_t id = 0;
    std::string document;  // DocumentSpec id
    StoredFile file;       // without content
    std::string uploaded_by;
    std::string uploaded_at;
    bool withdrawn = false;
    std::string withdrawn_by;
    std::string withdrawn_at;
    std::string withdraw_reason;
};

struct DossierRecord {
    int64_t id = 0;
    DossierKey key;
    std::string unit_id;  // the unit answering for it (the person's unit): a don-vi user's scope
    std::string created_by;
    std::string created_at;
    std::vector<DossierEvent> events;    // oldest first
    std::vector<DossierUpload> uploads;  // oldest first

    // "draft" until the first event.
    std::string status() const { return events.empty() ? "draft" : events.back().to_status; }
};

// Where a stored file is used in a dossier (the download's authorisation).
// A file attached to a PAR task as evidence of its completion; withdrawn, it stays listed.
struct TaskEvidence {
    int64_t id = 0;
    int64_t task_id = 0;
    StoredFile file;  // without content
    std::string added_by;
    std::string added_at;
    bool withdrawn = false;
    std::string withdrawn_by;
    std::string withdrawn_at;
    std::string withdraw_reason;
};

// Where a stored file is used: a dossier (`key`) or a PAR task (`task_id`), and the unit
// answering for it, which decides who may download the file.
struct FileUse {
    DossierKey key;
    std::string unit_id;
    int64_t task_id = 0;
};

}  // namespace thidua
