#pragma once
// The workbook-wide parts a sheet's cells refer to: the shared string table and the styles that
// tell which number formats are dates.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "io/zip/ZipArchive.h"

namespace thidua {

// Every <si> as plain text: rich-text runs joined, phonetic runs (<rPh>, furigana) left out,
// _xHHHH_ escapes undone.
tl::expected<std::vector<std::string>, ZipProblem> read_shared_strings(ZipArchive& archive,
                                                                       size_t entry);

// For each cell format (<cellXfs>/<xf>, the s="" of a cell), whether its number format shows a
// date: built-in ids 14-22 and 45-47, or a custom format with d, m or y outside quotes,
// brackets and escapes (so "[h]:mm" or "0.0\"m\"" are not dates).
tl::expected<std::vector<bool>, ZipProblem> read_date_styles(ZipArchive& archive, size_t entry);

bool is_date_format_code(std::string_view code);

}  // namespace thidua
