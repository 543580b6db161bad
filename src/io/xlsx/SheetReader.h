#pragma once
// One worksheet streamed row by row (expat over the zip entry): each cell's value as the text
// the CSV checks read. Shared and inline strings (rich text joined), numbers as written, dates
// (by number format) as YYYY-MM-DD, booleans as 1/0, formulas by their cached value. Cells and
// rows without an `r` reference take the next position. A formula with no cached value and an
// error value (#N/A) are problems naming the cell, and the cell reads as blank.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "io/zip/ZipArchive.h"

namespace thidua {

struct SheetCell {
    int col = 0;  // 0-based
    std::string text;
};

struct SheetProblem {
    int row = 0;
    int col = 0;
    std::string value;
    std::string vi, en;
};

class SheetRowSink {
public:
    virtual ~SheetRowSink() = default;
    // Non-empty cells of one row, in column order; `row` is 1-based.
    virtual void row(int row, const std::vector<SheetCell>& cells) = 0;
};

struct SheetContext {
    const std::vector<std::string>* shared_strings = nullptr;
    const std::vector<bool>* date_styles = nullptr;
    bool date1904 = false;
};

struct SheetResult {
    std::vector<SheetProblem> problems;
    std::vector<std::string> merged;  // merged ranges ("A1:C1"), as listed after the rows
};

tl::expected<SheetResult, ZipProblem> read_sheet(ZipArchive& archive, size_t entry,
                                                 const SheetContext& context, SheetRowSink& sink);

}  // namespace thidua
