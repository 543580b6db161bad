#pragma once
// The files and columns of DATA.md as the writers see them: what kind of value each column
// holds (so the XLSX writer can store numbers as numbers and dates as dates), its Vietnamese
// title and the values a coded column allows (for the template's drop-down lists). The readers
// in io/dataset keep their own column lists; the round-trip tests hold the two together.

#include <span>
#include <string_view>

namespace thidua {

enum class ColumnKind {
    Text,    // free text (names)
    Id,      // an id or a ';'-separated list of ids: text even when it looks like a number
    Number,  // a decimal number
    Whole,   // a whole number (year, rank, copies)
    Date,
    Code,  // one of `choices`
};

struct SchemaColumn {
    std::string_view name;
    bool required = false;
    ColumnKind kind = ColumnKind::Text;
    std::string_view title_vi;                    // what the template shows under the name
    std::span<const std::string_view> choices{};  // allowed values of a Code column
};

struct SchemaFile {
    std::string_view file;   // "units.csv"
    std::string_view sheet;  // "units"
    std::string_view title_vi;
    std::span<const SchemaColumn> columns;
};

// Every file of DATA.md, in the order the reader reads them.
std::span<const SchemaFile> dataset_schema();

// The file of a sheet name ("units" -> units.csv); nullptr when the name is not a dataset sheet.
const SchemaFile* schema_for_sheet(std::string_view sheet);

}  // namespace thidua
