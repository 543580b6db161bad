#include "store/Migrations.h"

#include <cstdint>

#include <fmt/format.h>

namespace thidua::store {
namespace {

// Ids are text as users write them; `ord` keeps the order rows were first imported in, so
// that a loaded dataset lists units, people and records as their files did. Dates are ISO
// text (YYYY-MM-DD) and times ISO 8601 UTC text in both engines, so both read back the same.
// Foreign keys are checked at the end of each statement, so one merge may insert a unit and the
// parent listed after it. Ids are ${KEY} (byte order in PostgreSQL, whatever the database's
// locale: ids are ASCII, and locale-aware comparison makes the big indexes several times slower).
constexpr std::string_view kCore = R"sql(
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dataset_parts (name TEXT PRIMARY KEY);

CREATE TABLE units (
  id ${KEY} PRIMARY KEY,
  ord BIGINT NOT NULL,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  name_sort ${BLOB} NOT NULL,
  type TEXT NOT NULL,
  parent_id ${KEY} REFERENCES units (id),
  tags TEXT NOT NULL DEFAULT '',
  active_from TEXT,
  active_to TEXT
);
CREATE INDEX units_ord ON units (ord);
CREATE INDEX units_name_sort ON units (name_sort);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE unit_successions (
  unit_id ${KEY} NOT NULL REFERENCES units (id),
  predecessor_id ${KEY} NOT NULL REFERENCES units (id),
  pos INTEGER NOT NULL,
  PRIMARY KEY (unit_id, predecessor_id)
);
CREATE INDEX unit_successions_predecessor ON unit_successions (predecessor_id);

CREATE TABLE people (
  id ${KEY} PRIMARY KEY,
  ord BIGINT NOT NULL,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  name_sort ${BLOB} NOT NULL,
  unit_id ${KEY} NOT NULL REFERENCES units (id),
  gender TEXT CHECK (gender IN ('nu', 'nam')),
  par_role SMALLINT,
  resident SMALLINT,
  component ${KEY},
  tags TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_ord ON people (ord);
CREATE INDEX people_name_sort ON people (name_sort);
CREATE INDEX people_unit ON people (unit_id);

CREATE TABLE unit_years (
  unit_id ${KEY} NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  par_score ${REAL}, par_max ${REAL}, par_rank ${REAL}, satisfaction ${REAL},
  task_completion ${REAL},
  par_rating TEXT,
  head_leads SMALLINT, compliance SMALLINT, excellent_achievement SMALLINT, initiative SMALLINT,
  disciplined SMALLINT CHECK (disciplined IN (0, 1, 2)),
  PRIMARY KEY (unit_id, year)
)${WITHOUT_ROWID};

CREATE TABLE component_years (
  component_id ${KEY} NOT NULL,
  year INTEGER NOT NULL,
  ord BIGINT NOT NULL,
  unit_id ${KEY} NOT NULL REFERENCES units (id),
  score ${REAL},
  max_score ${REAL},
  PRIMARY KEY (component_id, year)
);

-- The national-size table (people x years) has no foreign keys: a per-row check costs more than
-- the insert itself on PostgreSQL. The import checks its staged rows against people and units
-- in one anti-join instead (DatasetImport), and nothing else writes this table.
CREATE TABLE person_years (
  person_id ${KEY} NOT NULL,
  year INTEGER NOT NULL,
  unit_id ${KEY},
  rating TEXT,
  excellent_par SMALLINT, initiative SMALLINT,
  initiative_level TEXT,
  ethics_ok SMALLINT,
  disciplined SMALLINT CHECK (disciplined IN (0, 1, 2)),
  PRIMARY KEY (person_id, year)
)${WITHOUT_ROWID};

CREATE TABLE registrations (
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  period TEXT NOT NULL,
  ord BIGINT NOT NULL,
  registered_on TEXT NOT NULL,
  PRIMARY KEY (subject_kind, subject_id, period)
);

CREATE TABLE events (
  event TEXT NOT NULL,
  year INTEGER NOT NULL,
  ord BIGINT NOT NULL,
  event_date TEXT NOT NULL,
  PRIMARY KEY (event, year)
);

CREATE TABLE dossiers (
  id ${ID},
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  award TEXT NOT NULL,
  period TEXT NOT NULL,
  UNIQUE (subject_kind, subject_id, award, period)
);

-- One row per document of a dossier; the file itself lives outside the database.
CREATE TABLE dossier_documents (
  dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
  document TEXT NOT NULL,
  ord BIGINT NOT NULL,
  copies INTEGER NOT NULL DEFAULT 1,
  submitted_on TEXT,
  file_name TEXT,
  content_type TEXT,
  size_bytes BIGINT,
  sha256 TEXT,
  PRIMARY KEY (dossier_id, document)
);

CREATE TABLE plans (
  plan_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  plan_text TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, version)
);

CREATE TABLE users (
  id ${ID},
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL, -- Argon2id, PHC string format ($argon2id$v=19$m=…)
  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),
  created_at TEXT NOT NULL,
  disabled SMALLINT NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, -- the token itself is never stored
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id ${ID},
  logged_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}'
);
)sql";

// The audit log is append-only in the database itself, not only in our code: a trigger refuses
// every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE), whoever sends it.
constexpr std::string_view kAuditSqlite = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (nhật ký chỉ được ghi thêm)'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (nhật ký chỉ được ghi thêm)'); END;
)sql";

constexpr std::string_view kAuditPostgresql = R"sql(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (nhật ký chỉ được ghi thêm)';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
)sql";

// Accounts for the web server. Step 1's users and sessions were never written to, so they are
// replaced rather than altered (SQLite cannot change a CHECK in place). Booleans are SMALLINT 0/1.
// Tokens are kept only as their SHA-256 in hex. Times are ISO 8601 UTC text compared with `<` in
// queries (expiry, the throttling window), so they are ${KEY} too: byte order is time order,
// whatever the PostgreSQL database's collation. users.unit_id has no foreign key: accounts for
// units are often made before the units are imported.
constexpr std::string_view kAccounts = R"sql(
DROP TABLE sessions;
DROP TABLE users;

CREATE TABLE users (
  id ${ID},
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL, -- Argon2id, PHC string format ($argon2id$v=19$m=…)
  role TEXT NOT NULL CHECK (role IN ('quan-tri', 'noi-vu', 'hoi-dong', 'don-vi', 'lanh-dao')),
  unit_id ${KEY},
  display_name TEXT NOT NULL DEFAULT '',
  disabled SMALLINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password SMALLINT NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash ${KEY} PRIMARY KEY, -- the token itself is never stored
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at ${KEY} NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id ${ID},
  token_hash ${KEY} NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at ${KEY}, -- NULL: does not expire
  revoked SMALLINT NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

CREATE TABLE login_failures (
  key ${KEY} NOT NULL, -- "user:NAME" or "ip:ADDRESS"
  at ${KEY} NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
)sql";

// Registrations, events and dossiers belong to the plan whose data they came with ('' when
// imported for no plan: shared by every plan). SQLite cannot change a primary key in place, so
// each table is rebuilt under its new key with its rows; dossier ids are kept.
constexpr std::string_view kPlanRecords = R"sql(
CREATE TABLE dataset_parts_v4 (
  plan_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  PRIMARY KEY (plan_id, name)
);
INSERT INTO dataset_parts_v4 (plan_id, name) SELECT '', name FROM dataset_parts;
DROP TABLE dataset_parts;
ALTER TABLE dataset_parts_v4 RENAME TO dataset_parts;

CREATE TABLE registrations_v4 (
  plan_id TEXT NOT NULL DEFAULT '',
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  period TEXT NOT NULL,
  ord BIGINT NOT NULL,
  registered_on TEXT NOT NULL,
  PRIMARY KEY (plan_id, subject_kind, subject_id, period)
);
INSERT INTO registrations_v4 (plan_id, subject_kind, subject_id, period, ord, registered_on)
  SELECT '', subject_kind, subject_id, period, ord, registered_on FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_v4 RENAME TO registrations;

CREATE TABLE events_v4 (
  plan_id TEXT NOT NULL DEFAULT '',
  event TEXT NOT NULL,
  year INTEGER NOT NULL,
  ord BIGINT NOT NULL,
  event_date TEXT NOT NULL,
  PRIMARY KEY (plan_id, event, year)
);
INSERT INTO events_v4 (plan_id, event, year, ord, event_date)
  SELECT '', event, year, ord, event_date FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;

CREATE TABLE dossiers_v4 (
  id ${ID},
  plan_id TEXT NOT NULL DEFAULT '',
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  award TEXT NOT NULL,
  period TEXT NOT NULL,
  UNIQUE (plan_id, subject_kind, subject_id, award, period)
);
INSERT INTO dossiers_v4 (id, plan_id, subject_kind, subject_id, award, period)
  SELECT id, '', subject_kind, subject_id, award, period FROM dossiers;
CREATE TABLE dossier_documents_v4 (
  dossier_id BIGINT NOT NULL REFERENCES dossiers_v4 (id),
  document TEXT NOT NULL,
  ord BIGINT NOT NULL,
  copies INTEGER NOT NULL DEFAULT 1,
  submitted_on TEXT,
  file_name TEXT,
  content_type TEXT,
  size_bytes BIGINT,
  sha256 TEXT,
  PRIMARY KEY (dossier_id, document)
);
INSERT INTO dossier_documents_v4 SELECT dossier_id, document, ord, copies, submitted_on,
  file_name, content_type, size_bytes, sha256 FROM dossier_documents;
DROP TABLE dossier_documents;
DROP TABLE dossiers;
ALTER TABLE dossiers_v4 RENAME TO dossiers;
ALTER TABLE dossier_documents_v4 RENAME TO dossier_documents;
${RESEED_DOSSIERS}
)sql";

// Document templates a user uploaded for a plan, one version per upload; a version without
// content returns the document to the product's default. Nothing is overwritten or deleted.
// The audit log gets indexes for the filters of its page (actor, action, subject, newest first).
constexpr std::string_view kPlanTemplates = R"sql(
CREATE TABLE plan_templates (
  plan_id TEXT NOT NULL,
  form TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_name TEXT,
  content ${BLOB},
  sha256 TEXT,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, form, version)
);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
)sql";

// Registrations made in the application (a unit officer's form), apart from imported ones so
// that a later import of registrations.csv never removes them. A registration after the
// deadline is kept as late until Home Affairs accepts or refuses it with a reason.
constexpr std::string_view kRegistrationEntries = R"sql(
CREATE TABLE registration_entries (
  id ${ID},
  plan_id TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  period TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  late SMALLINT NOT NULL CHECK (late IN (0, 1)),
  decision TEXT CHECK (decision IN ('accepted', 'refused')),
  decision_reason TEXT,
  decided_by TEXT,
  decided_at TEXT,
  UNIQUE (plan_id, subject_kind, subject_id, period)
);
CREATE INDEX registration_entries_period ON registration_entries (plan_id, period);
)sql";

// The council's decisions on a group's selection, one version per decision (the latest applies).
constexpr std::string_view kCouncilDecisions = R"sql(
CREATE TABLE council_decisions (
  id ${ID},
  plan_id TEXT NOT NULL,
  period TEXT NOT NULL,
  award TEXT NOT NULL,
  group_id TEXT NOT NULL,
  chosen TEXT NOT NULL,
  votes TEXT NOT NULL DEFAULT '',
  minutes_number TEXT NOT NULL DEFAULT '',
  minutes_date TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX council_decisions_group ON council_decisions (plan_id, period, award, group_id, id);
)sql";

// Facts the council judges (head_leads, compliance, excellent_achievement for units;
// excellent_par, ethics_ok for people), attested per subject and year with the minutes they rest
// on. One version per entry; the latest stands in for the imported value when data is loaded.
constexpr std::string_view kAttestations = R"sql(
CREATE TABLE attestations (
  id ${ID},
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  year INTEGER NOT NULL,
  fact TEXT NOT NULL,
  value SMALLINT NOT NULL CHECK (value IN (0, 1)),
  minutes TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);
CREATE INDEX attestations_subject ON attestations (subject_kind, subject_id, year, fact, id);
)sql";

// PAR tasks per unit and year (issue 6, item 2): edited in place, every edit audited, never
// deleted (a dropped task is cancelled). Home Affairs' overrides of the completion rate they give
// are versions, the latest per unit and year standing; a NULL value withdraws the override.
constexpr std::string_view kParTasks = R"sql(
CREATE TABLE par_tasks (
  id ${ID},
  unit_id ${KEY} NOT NULL,
  year INTEGER NOT NULL,
  plan_id ${KEY} NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),
  done_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX par_tasks_unit_year ON par_tasks (unit_id, year, due_on);
CREATE TABLE task_completion_overrides (
  id ${ID},
  unit_id ${KEY} NOT NULL,
  year INTEGER NOT NULL,
  value ${REAL} CHECK (value IS NULL OR (value >= 0 AND value <= 100)),
  reason TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);
CREATE INDEX task_completion_overrides_unit ON task_completion_overrides (unit_id, year, id);
)sql";

// Nominations a sub-plan forwarded into its parent plan's period: versions, the latest per parent
// plan, period, award and subject standing; a withdrawal is a version too.
constexpr std::string_view kForwardedProposals = R"sql(
CREATE TABLE forwarded_proposals (
  id ${ID},
  plan_id ${KEY} NOT NULL,
  period TEXT NOT NULL,
  award TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  origin_plan ${KEY} NOT NULL,
  origin_period TEXT NOT NULL,
  origin_award TEXT NOT NULL,
  origin_group TEXT NOT NULL,
  origin_rank INTEGER NOT NULL DEFAULT 0,
  withdrawn SMALLINT NOT NULL CHECK (withdrawn IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  forwarded_by TEXT NOT NULL,
  forwarded_at TEXT NOT NULL
);
CREATE INDEX forwarded_proposals_target ON forwarded_proposals
  (plan_id, period, award, subject_kind, subject_id, id);
CREATE INDEX forwarded_proposals_origin ON forwarded_proposals (origin_plan, origin_period);
)sql";

// Uploaded files (bytes, checked media type, SHA-256), and the award dossiers kept in the
// application: one record per selected candidate, an append-only status path (the latest event
// is the status, so no row is ever updated), uploads against the plan's documents and their
// withdrawals as records of their own (nothing deleted). `unit_id` is the unit answering for the
// dossier: a don-vi user's scope.
constexpr std::string_view kDossierRecords = R"sql(
CREATE TABLE stored_files (
  id ${ID},
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content ${BLOB} NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE TABLE award_dossiers (
  id ${ID},
  plan_id TEXT NOT NULL,
  period TEXT NOT NULL,
  award TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('unit', 'person')),
  subject_id ${KEY} NOT NULL,
  unit_id ${KEY} NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (plan_id, period, award, subject_kind, subject_id)
);
CREATE INDEX award_dossiers_unit ON award_dossiers (unit_id);
CREATE TABLE dossier_events (
  id ${ID},
  dossier_id BIGINT NOT NULL REFERENCES award_dossiers (id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL CHECK (to_status IN ('submitted', 'returned', 'accepted', 'proposed',
    'decided')),
  reason TEXT NOT NULL DEFAULT '',
  decision_number TEXT NOT NULL DEFAULT '',
  decision_date TEXT NOT NULL DEFAULT '',
  event_by TEXT NOT NULL,
  event_at TEXT NOT NULL,
  event_on TEXT NOT NULL
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
CREATE TABLE dossier_uploads (
  id ${ID},
  dossier_id BIGINT NOT NULL REFERENCES award_dossiers (id),
  document TEXT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES stored_files (id),
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX dossier_uploads_dossier ON dossier_uploads (dossier_id, id);
CREATE INDEX dossier_uploads_file ON dossier_uploads (file_id);
CREATE TABLE dossier_upload_withdrawals (
  upload_id BIGINT PRIMARY KEY REFERENCES dossier_uploads (id),
  reason TEXT NOT NULL DEFAULT '',
  withdrawn_by TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL
);
)sql";

// Step 9's records are append-only in the database itself, as the audit log is: a file, a
// dossier, a step, an upload or a withdrawal, once written, is never changed or deleted.
constexpr std::string_view kDossierRecordsSqlite = R"sql(
CREATE TRIGGER stored_files_no_update BEFORE UPDATE ON stored_files
BEGIN SELECT RAISE(ABORT, 'stored_files is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER stored_files_no_delete BEFORE DELETE ON stored_files
BEGIN SELECT RAISE(ABORT, 'stored_files is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER award_dossiers_no_update BEFORE UPDATE ON award_dossiers
BEGIN SELECT RAISE(ABORT, 'award_dossiers is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER award_dossiers_no_delete BEFORE DELETE ON award_dossiers
BEGIN SELECT RAISE(ABORT, 'award_dossiers is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_uploads_no_update BEFORE UPDATE ON dossier_uploads
BEGIN SELECT RAISE(ABORT, 'dossier_uploads is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_uploads_no_delete BEFORE DELETE ON dossier_uploads
BEGIN SELECT RAISE(ABORT, 'dossier_uploads is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_upload_withdrawals_no_update BEFORE UPDATE ON dossier_upload_withdrawals
BEGIN SELECT RAISE(ABORT, 'dossier_upload_withdrawals is append-only (chỉ được ghi thêm)'); END;
CREATE TRIGGER dossier_upload_withdrawals_no_delete BEFORE DELETE ON dossier_upload_withdrawals
BEGIN SELECT RAISE(ABORT, 'dossier_upload_withdrawals is append-only (chỉ được ghi thêm)'); END;
)sql";

constexpr std::string_view kDossierRecordsPostgresql = R"sql(
CREATE FUNCTION dossier_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (chỉ được ghi thêm)', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER stored_files_no_change BEFORE UPDATE OR DELETE ON stored_files
  FOR EACH ROW EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER stored_files_no_truncate BEFORE TRUNCATE ON stored_files
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER award_dossiers_no_change BEFORE UPDATE OR DELETE ON award_dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER award_dossiers_no_truncate BEFORE TRUNCATE ON award_dossiers
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_events_no_change BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_uploads_no_change BEFORE UPDATE OR DELETE ON dossier_uploads
  FOR EACH ROW EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_uploads_no_truncate BEFORE TRUNCATE ON dossier_uploads
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_upload_withdrawals_no_change BEFORE UPDATE OR DELETE ON dossier_upload_withdrawals
  FOR EACH ROW EXECUTE FUNCTION dossier_records_append_only();
CREATE TRIGGER dossier_upload_withdrawals_no_truncate BEFORE TRUNCATE ON dossier_upload_withdrawals
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_records_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON stored_files, award_dossiers, dossier_events, dossier_uploads, dossier_upload_withdrawals FROM PUBLIC;
)sql";

// Evidence files of PAR tasks (files of step 11): each attachment a row, a withdrawal a row of its
// own; neither is ever updated or deleted.
constexpr std::string_view kTaskEvidence = R"sql(
CREATE TABLE task_evidence (
  id ${ID},
  task_id BIGINT NOT NULL REFERENCES par_tasks (id),
  file_id BIGINT NOT NULL REFERENCES stored_files (id),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX task_evidence_task ON task_evidence (task_id, id);
CREATE INDEX task_evidence_file ON task_evidence (file_id);
CREATE TABLE task_evidence_withdrawals (
  evidence_id BIGINT PRIMARY KEY REFERENCES task_evidence (id),
  reason TEXT NOT NULL DEFAULT '',
  withdrawn_by TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL
);
)sql";

// Reminders per user (issue 6, item 5) and where to mail them: a reminder is added once per user
// and key (the unique index), read and mailed marks are the only updates.
// A predecessor's weight (population or staff) and whether it is the main one (lineage.csv).
constexpr std::string_view kLineageWeights = R"sql(
ALTER TABLE unit_successions ADD COLUMN weight ${REAL};
ALTER TABLE unit_successions ADD COLUMN main INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr std::string_view kNotifications = R"sql(
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE notifications (
  id ${ID},
  username TEXT NOT NULL,
  reminder_key TEXT NOT NULL,
  plan_id ${KEY} NOT NULL DEFAULT '',
  period TEXT NOT NULL DEFAULT '',
  unit_id ${KEY} NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  due_on TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT,
  mailed_at TEXT,
  mail_error TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX notifications_once ON notifications (username, reminder_key);
CREATE INDEX notifications_unmailed ON notifications (mailed_at, id);
)sql";

// A number every server reads before it trusts what it evaluated earlier (web/app/
// EvaluationCache): it grows in the same transaction as every change that can alter an
// evaluation. Every such change already appends to the audit log in its own transaction (imports,
// lineage, plan versions, registrations and decisions on late ones, attestations, PAR tasks and
// completion overrides, council decisions), so one trigger on the log bumps it, whatever code path
// wrote. The row lock orders the bumps by commit, so a reader never sees a number whose change it
// cannot see yet. Actions known to leave every evaluation as it was (accounts, uploaded files,
// the application's dossier records, templates, forwarded proposals, task evidence) do not bump
// it; an action not listed here does, so a new kind of change errs on the side of re-evaluating.
constexpr std::string_view kDataGeneration = R"sql(
CREATE TABLE data_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO data_generation (id, value) VALUES (1, 1);
)sql";

constexpr std::string_view kDataGenerationSqlite = R"sql(
CREATE TRIGGER audit_log_data_generation AFTER INSERT ON audit_log
WHEN NEW.action NOT IN ('login', 'user-create', 'user-password', 'user-email', 'user-disable',
  'user-enable', 'token-create', 'token-revoke', 'file-upload', 'dossier-upload',
  'dossier-withdraw', 'dossier-status', 'plan-template-save', 'task-evidence',
  'task-evidence-withdraw', 'proposal-forward', 'proposal-withdraw')
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
)sql";

constexpr std::string_view kDataGenerationPostgresql = R"sql(
CREATE FUNCTION data_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_generation SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_log_data_generation AFTER INSERT ON audit_log
  FOR EACH ROW WHEN (NEW.action NOT IN ('login', 'user-create', 'user-password', 'user-email',
  'user-disable', 'user-enable', 'token-create', 'token-revoke', 'file-upload', 'dossier-upload',
  'dossier-withdraw', 'dossier-status', 'plan-template-save', 'task-evidence',
  'task-evidence-withdraw', 'proposal-forward', 'proposal-withdraw'))
  EXECUTE FUNCTION data_generation_bump();
)sql";

constexpr Migration kMigrations[] = {
    {1, "core tables", kCore, {}, {}},
    {2, "append-only audit log", {}, kAuditSqlite, kAuditPostgresql},
    {3, "accounts: users, sessions, API tokens, login failures", kAccounts, {}, {}},
    {4, "registrations, events and dossiers per plan", kPlanRecords, {}, {}},
    {5, "document templates per plan; audit log indexes for its filters", kPlanTemplates, {}, {}},
    {6,
     "registrations made in the application, late ones decided with a reason",
     kRegistrationEntries,
     {},
     {}},
    {7, "council decisions on a group's selection", kCouncilDecisions, {}, {}},
    {8, "attestations of council-judged facts", kAttestations, {}, {}},
    {9, "PAR tasks per unit and year; overrides of the completion rate", kParTasks, {}, {}},
    {10, "nominations forwarded from a sub-plan into its parent plan", kForwardedProposals, {}, {}},
    {11, "uploaded files; award dossiers, their status path and uploads, append-only",
     kDossierRecords, kDossierRecordsSqlite, kDossierRecordsPostgresql},
    {12, "evidence files of PAR tasks", kTaskEvidence, {}, {}},
    {13, "reminders per user; users' e-mail addresses", kNotifications, {}, {}},
    {14, "weights and the main predecessor of merged units", kLineageWeights, {}, {}},
    {15, "a data generation bumped with every change that can alter an evaluation", kDataGeneration,
     kDataGenerationSqlite, kDataGenerationPostgresql},
};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

}  // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int latest_schema_version() {
    return kMigrations[std::size(kMigrations) - 1].version;
}

std::string migration_sql(const Migration& m, std::string_view engine) {
    const bool pg = engine == "postgresql";
    std::string sql(m.sql);
    replace_all(sql, "${ID}",
                pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                   : "INTEGER PRIMARY KEY AUTOINCREMENT");
    replace_all(sql, "${REAL}", pg ? "DOUBLE PRECISION" : "REAL");
    replace_all(sql, "${BLOB}", pg ? "BYTEA" : "BLOB");
    replace_all(sql, "${KEY}", pg ? "TEXT COLLATE \"C\"" : "TEXT");
    // SQLite: a table keyed by (id, year) stored in its primary key's b-tree, not twice.
    replace_all(sql, "${WITHOUT_ROWID}", pg ? "" : " WITHOUT ROWID");
    // Rows copied with their ids leave PostgreSQL's identity sequence behind them.
    replace_all(sql, "${RESEED_DOSSIERS}",
                pg ? "SELECT setval(pg_get_serial_sequence('dossiers', 'id'), "
                     "coalesce((SELECT max(id) FROM dossiers), 0) + 1, false);"
                   : "");
    // The engine's own text follows the shared one (step 2 has only its own; step 9 both).
    sql += pg ? m.postgresql : m.sqlite;
    return sql;
}

std::string migration_checksum(std::string_view sql) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : sql) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return fmt::format("{:016x}", hash);
}

}  // namespace thidua::store
