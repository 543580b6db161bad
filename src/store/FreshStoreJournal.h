#pragma once
// On SQLite, an import into a store that holds no unit yet runs with a rollback journal instead
// of the write-ahead log, which is back once the import ends, committed or not.
//
// Why: in WAL mode every page of the new data is written twice, into the log at COMMIT and into
// the file at the checkpoint. A rollback journal keeps only the pages the file had before the
// transaction; a fresh store's new pages lie past its old end and are written once.
//
// All or nothing still holds: until COMMIT the journal holds the file's former length and pages,
// and after a crash or a kill the next connection to open the file rolls that hot journal back,
// as SQLite does for any interrupted transaction (the SIGKILL guarantee of store/README.md).
//
// SQLite refuses the switch at once while another connection has the file open: the import then
// stays in WAL mode, only slower. While the import runs, a reader that opens the store waits for
// it rather than seeing the empty store. PostgreSQL: nothing changes.

#include "store/SqlConnection.h"

namespace thidua::store {

class FreshStoreJournal {
public:
    explicit FreshStoreJournal(SqlConnection& db) : m_db(db) {}
    FreshStoreJournal(const FreshStoreJournal&) = delete;
    FreshStoreJournal& operator=(const FreshStoreJournal&) = delete;
    ~FreshStoreJournal();

    // Before the import's transaction begins: the journal mode cannot change inside one.
    Result<> begin();

private:
    SqlConnection& m_db;
    bool m_switched = false;
};

}  // namespace thidua::store
