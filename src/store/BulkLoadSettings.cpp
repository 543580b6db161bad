#include "store/BulkLoadSettings.h"

namespace thidua::store {

Result<> BulkLoadSettings::begin() {
    if (m_db.engine() != "sqlite") return {};
    auto r = m_db.exec_script("PRAGMA ignore_check_constraints = ON");
    m_active = r.has_value();
    return r;
}

BulkLoadSettings::~BulkLoadSettings() {
    if (m_active) (void)m_db.exec_script("PRAGMA ignore_check_constraints = OFF");
}

}  // namespace thidua::store
