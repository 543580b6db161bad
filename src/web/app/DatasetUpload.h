#pragma once
// A dataset sent over HTTP: the raw body or a multipart file field, recognised by its content
// (a workbook or a .zip of CSV files), read by the same readers as `thidua import`.

#include <string>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"
#include "web/http/Request.h"

namespace thidua::web {

struct DatasetUpload {
    Dataset data;
    Diagnostics warnings;  // legacy encodings converted
    std::string source;    // the file name sent, for the audit log
};

tl::expected<DatasetUpload, Diagnostics> read_dataset_upload(const Request& request);

}  // namespace thidua::web
