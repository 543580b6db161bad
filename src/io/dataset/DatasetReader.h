#pragma once
// A dataset (DATA.md) read from its CSV files into a Dataset, with every check of DATA.md.
// One bad cell fails the whole import: the result is either a complete Dataset or the list of
// problems (every one found, up to DiagnosticSink::kDefaultCap, then a count of the rest).

#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "model/Dataset.h"

namespace thidua {

// File name ("units.csv") -> file contents.
using DatasetFiles = std::map<std::string, std::string>;

// What a ContentFilter has made sure of, so that the reader does not check it a second time (a
// national people.csv is 140 MB): the content is valid UTF-8, and also NFC.
struct CheckedText {
    bool valid_utf8 = false;
    bool nfc = false;
};

// Called on each file's content before it is read, e.g. to convert a legacy Vietnamese encoding
// (io/encoding); problems it adds fail the import like any other.
using ContentFilter = std::function<CheckedText(const std::string& file, std::string& content,
                                                Diagnostics& problems)>;

// The files a dataset may hold, in the order they are read; only units.csv is required.
std::span<const std::string_view> dataset_file_names();

// A folder of CSV files. Other .csv files in the folder are an error (a misspelt name would
// otherwise silently drop a whole file); files of other kinds are ignored.
tl::expected<Dataset, Diagnostics> read_dataset_dir(const std::filesystem::path& dir,
                                                    const ContentFilter& filter = {});

// The same checks over files held in memory: for uploads, tests and fuzzing.
tl::expected<Dataset, Diagnostics> read_dataset_from_memory(const DatasetFiles& files,
                                                            const ContentFilter& filter = {});

// A lineage table (lineage.csv) on its own, merged into units already known (the store's):
// every row checked against `units`; on success `units` has the predecessors, weights and
// dates added, and nothing of it changes otherwise.
tl::expected<void, Diagnostics> apply_lineage_table(Dataset& units, std::string_view content);

}  // namespace thidua
