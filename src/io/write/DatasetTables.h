#pragma once
// A Dataset as the tables of DATA.md, one row at a time, for the CSV and XLSX writers: every
// column of every file the dataset was given, ids (not names) for references, blank for what is
// not known. Rows are produced one by one so that a national dataset is never copied whole.

#include <span>
#include <string>
#include <vector>

#include "base/Date.h"
#include "io/write/DatasetSchema.h"
#include "model/Dataset.h"

namespace thidua {

struct OutCell {
    enum class Type { Blank, Text, Number, Date };
    Type type = Type::Blank;
    std::string text;  // Text; also the CSV spelling of Number and Date cells
    double number = 0;
    Date date;
};

class TableSink {
public:
    virtual ~TableSink() = default;
    virtual void begin_table(const SchemaFile& file) = 0;
    // One cell per column of the file, in schema order.
    virtual void row(std::span<const OutCell> cells) = 0;
    virtual void end_table() = 0;
};

// Calls the sink for units.csv and for every optional file the dataset was given.
void emit_dataset_tables(const Dataset& data, TableSink& sink);

}  // namespace thidua
