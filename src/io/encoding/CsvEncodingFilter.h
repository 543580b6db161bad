#pragma once
// The ContentFilter every CSV file of a dataset goes through: text typed in a legacy Vietnamese
// encoding is converted to UTF-8 (NFC) and named in `warnings`, or refused with the encoding
// found.

#include "base/Diagnostic.h"
#include "io/dataset/DatasetReader.h"

namespace thidua {

// `warnings` must outlive the filter.
ContentFilter csv_encoding_filter(Diagnostics& warnings);

}  // namespace thidua
