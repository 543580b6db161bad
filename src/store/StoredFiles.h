#pragma once
// Uploaded files (dossier papers; later task evidence): the bytes with their name, checked media
// type, size and SHA-256, who uploaded them and when. A file is written once and never changed or
// deleted; whatever refers to it records its own withdrawal. The caller checks the content
// (io/FileKind) before it gets here.

#include <optional>
#include <string_view>

#include "store/SqlConnection.h"

namespace thidua::store {

// A file's columns (without its bytes) as every query that lists files selects them, `f` being
// stored_files; stored_file_of reads them back from column `first` on.
inline constexpr std::string_view kStoredFileColumns =
    "f.id, f.name, f.media_type, f.size, f.sha256, f.uploaded_by, f.uploaded_at";
StoredFile stored_file_of(const SqlRow& r, int first);

// Inside the caller's transaction when there is one (the file commits with what refers to it).
// Sets id, size, sha256 and uploaded_at; `f.name`, `f.media_type`, `f.content` and
// `f.uploaded_by` come from the caller. Audited as "file-upload" (without the bytes).
Result<StoredFile> insert_stored_file(SqlConnection& db, StoredFile f);
// With its content when `with_content`; nullopt when there is no such file.
Result<std::optional<StoredFile>> find_stored_file(SqlConnection& db, int64_t id,
                                                   bool with_content);

}  // namespace thidua::store
