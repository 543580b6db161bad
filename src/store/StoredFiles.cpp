#include "store/StoredFiles.h"

#include <nlohmann/json.hpp>

#include "auth/Tokens.h"
#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {

Result<StoredFile> insert_stored_file(SqlConnection& db, StoredFile f) {
    f.size = static_cast<int64_t>(f.content.size());
    f.sha256 = auth::sha256_hex(f.content);
    f.uploaded_at = utc_now();
    const SqlValue row[] = {SqlValue::of(f.name),       SqlValue::of(f.media_type),
                            SqlValue::of(f.size),       SqlValue::of(f.sha256),
                            SqlValue::blob(f.content),  SqlValue::of(f.uploaded_by),
                            SqlValue::of(f.uploaded_at)};
    auto inserted = db.query(
        "INSERT INTO stored_files (name, media_type, size, sha256, content, uploaded_by, "
        "uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        row, [&](const SqlRow& r) { f.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());
    const nlohmann::json detail = {{"after",
                                    {{"id", f.id},
                                     {"name", f.name},
                                     {"media_type", f.media_type},
                                     {"size", f.size},
                                     {"sha256", f.sha256}}}};
    if (auto r = append_audit_entry(db, {0, f.uploaded_at, f.uploaded_by, "file-upload",
                                         "file:" + std::to_string(f.id), detail.dump()});
        !r)
        return tl::unexpected(r.error());
    return f;
}

StoredFile stored_file_of(const SqlRow& r, int first) {
    StoredFile f;
    f.id = r.integer(first);
    f.name = r.text(first + 1);
    f.media_type = r.text(first + 2);
    f.size = r.integer(first + 3);
    f.sha256 = r.text(first + 4);
    f.uploaded_by = r.text(first + 5);
    f.uploaded_at = r.text(first + 6);
    return f;
}

Result<std::optional<StoredFile>> find_stored_file(SqlConnection& db, int64_t id,
                                                   bool with_content) {
    std::optional<StoredFile> out;
    const SqlValue key[] = {SqlValue::of(id)};
    const std::string sql = "SELECT " + std::string(kStoredFileColumns) +
                            (with_content ? ", f.content" : "") +
                            " FROM stored_files f WHERE f.id = $1";
    auto done = db.query(sql, key, [&](const SqlRow& r) {
        StoredFile f = stored_file_of(r, 0);
        if (with_content) f.content = r.blob(7);
        out = std::move(f);
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store
