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

Result<std::optional<StoredFile>> find_stored_file(SqlConnection& db, int64_t id,
                                                   bool with_content) {
    std::optional<StoredFile> out;
    const SqlValue key[] = {SqlValue::of(id)};
    auto done = db.query(
        with_content ? "SELECT id, name, media_type, size, sha256, uploaded_by, uploaded_at, "
                       "content FROM stored_files WHERE id = $1"
                     : "SELECT id, name, media_type, size, sha256, uploaded_by, uploaded_at "
                       "FROM stored_files WHERE id = $1",
        key, [&](const SqlRow& r) {
            StoredFile f;
            f.id = r.integer(0);
            f.name = r.text(1);
            f.media_type = r.text(2);
            f.size = r.integer(3);
            f.sha256 = r.text(4);
            f.uploaded_by = r.text(5);
            f.uploaded_at = r.text(6);
            if (with_content) f.content = r.blob(7);
            out = std::move(f);
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

}  // namespace thidua::store
