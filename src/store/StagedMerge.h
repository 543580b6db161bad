#pragma once
// The set-based upsert both engines share: rows go into a temporary staging table by the
// engine's bulk path, then one UPDATE … FROM changes the rows whose values differ and one
// INSERT … SELECT … WHERE NOT EXISTS adds the new keys. Their row counts are the report's
// updated and inserted; the rest of the staged rows are unchanged.

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "store/SqlConnection.h"

namespace thidua::store {

struct StagedColumn {
    std::string_view name;
    SqlType type;
};

struct MergeSpec {
    std::string_view table;  // the target; its stage is "stage_<table>"
    std::span<const StagedColumn> keys;
    std::span<const StagedColumn> values;
    bool ordered = true;  // the table has `ord`, set on insert and never updated

    std::string stage_table() const;
    // keys, values, then ord when ordered: the order rows are staged in.
    std::vector<std::string_view> stage_columns() const;
};

// Creates the staging table and returns the writer that fills it.
Result<std::unique_ptr<StageWriter>> open_stage(SqlConnection& db, const MergeSpec& spec);

// The ord the next new row of `table` takes.
Result<int64_t> next_ord(SqlConnection& db, std::string_view table);

// Merges and counts; the staging table stays until drop_stage() (later merges may read it).
// Callers hold the import lock: the anti-join insert assumes no concurrent writer.
Result<TableCounts> merge_stage(SqlConnection& db, const MergeSpec& spec);

// "a = b AND …" / "a IS NOT DISTINCT FROM b …" helpers for hand-written merges.
std::string all_equal(std::span<const StagedColumn> columns, std::string_view left,
                      std::string_view right);
std::string any_distinct(std::span<const StagedColumn> columns, std::string_view left,
                         std::string_view right);

// Runs a count query of the form SELECT count(*), inserted, unchanged.
Result<TableCounts> count_staged(SqlConnection& db, std::string_view table, std::string_view sql);

Result<> drop_stage(SqlConnection& db, std::string_view stage);

}  // namespace thidua::store
