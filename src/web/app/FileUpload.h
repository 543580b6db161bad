#pragma once
// One uploaded file, as every resource that takes one must check it: the file of a multipart
// body (field `file` first) or the raw body named by ?name=, under the size limit, its kind read
// from its content (io/FileKind), never from the name or the sender's type. Then the headers of a
// download of a stored file.

#include <cstddef>
#include <string>

#include <tl/expected.hpp>

#include "store/StoreTypes.h"
#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

// 400 without a file, 413 over `limit`, 415 for a kind not accepted. `stem` names a file sent
// without a name. The result has everything but the id and the upload time.
tl::expected<StoredFile, Response> checked_upload(const Request& request, std::size_t limit,
                                                  const std::string& stem, const std::string& user);

// The stored file as an attachment, never rendered inline or sniffed by the browser.
Response file_download(StoredFile file);

}  // namespace thidua::web
