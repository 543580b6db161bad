#pragma once
// The engine settings of a bulk load into an empty table, in force from begin() until the object
// goes, whether the load succeeded or not.
//
// SQLite: CHECK constraints are not compiled into the load's INSERT. SQLite 3.40 evaluates
// `x IN (0, 1, 2)` in a CHECK by building a throw-away b-tree for every row, which doubles the
// cost of inserting a person_years row. Nothing is lost: the checked columns are written from
// closed sets (Gender, SubjectKind) or from codes the import checks in memory before the load
// (check_codes in DatasetImport). Toggling the pragma expires the prepared statements, so
// every statement compiled before or after the load keeps its CHECKs. PostgreSQL's COPY
// costs nothing per CHECK: nothing changes there.

#include "store/SqlConnection.h"

namespace thidua::store {

class BulkLoadSettings {
public:
    explicit BulkLoadSettings(SqlConnection& db) : m_db(db) {}
    BulkLoadSettings(const BulkLoadSettings&) = delete;
    BulkLoadSettings& operator=(const BulkLoadSettings&) = delete;
    ~BulkLoadSettings();

    Result<> begin();

private:
    SqlConnection& m_db;
    bool m_active = false;
};

}  // namespace thidua::store
