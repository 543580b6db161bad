#include "store/FreshStoreJournal.h"

namespace thidua::store {

Result<> FreshStoreJournal::begin() {
    if (m_db.engine() != "sqlite") return {};
    auto units = query_int(m_db, "SELECT count(*) FROM (SELECT 1 FROM units LIMIT 1) t");
    if (!units) return tl::unexpected(units.error());
    if (*units > 0) return {};
    std::string mode;
    // Refused (busy) while another connection has the file open: the import keeps the WAL.
    const auto done = m_db.query("PRAGMA journal_mode = DELETE", {},
                                 [&](const SqlRow& row) { mode = row.text(0); });
    m_switched = done && mode == "delete";
    return {};
}

FreshStoreJournal::~FreshStoreJournal() {
    if (m_switched) (void)m_db.exec_script("PRAGMA journal_mode = WAL");
}

}  // namespace thidua::store
