#pragma once
// The parts of an .xlsx package the reader needs, found the way the Open Packaging Conventions
// say: the workbook by the package's officeDocument relationship, then sheets, shared strings
// and styles by the workbook's relationship types. Part names are never guessed, so workbooks
// from other writers (absolute targets, other folder names) read too. Strict OOXML is refused.

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "io/zip/ZipArchive.h"

namespace thidua {

struct XlsxSheetRef {
    std::string name;
    size_t entry = 0;  // zip entry of the sheet part
    bool hidden = false;
};

struct XlsxWorkbook {
    std::vector<XlsxSheetRef> sheets;  // worksheets in workbook order (chartsheets skipped)
    std::optional<size_t> shared_strings;
    std::optional<size_t> styles;
    bool date1904 = false;
};

tl::expected<XlsxWorkbook, ZipProblem> open_xlsx_workbook(ZipArchive& archive);

// A relationship target resolved against the folder of the part that holds it: "/xl/a.xml" and
// "a.xml" from "xl/workbook.xml" are both "xl/a.xml"; "." and ".." are resolved.
std::string resolve_part(std::string_view source_part, std::string_view target);

}  // namespace thidua
