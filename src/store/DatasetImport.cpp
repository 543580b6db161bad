#include "store/DatasetImport.h"

#include <array>
#include <cmath>
#include <functional>
#include <future>
#include <unordered_map>

#include <fmt/format.h>

#include "base/Collation.h"
#include "base/Text.h"
#include "store/BulkLoadSettings.h"
#include "store/DossierImport.h"
#include "store/ImportTables.h"
#include "store/SecondaryIndexes.h"

namespace thidua::store {
namespace {

StoreError inconsistent_rows(std::string_view table, int64_t n) {
    return {fmt::format("{} dòng của {} chỉ tới đơn vị hay cá nhân không có", n, table),
            fmt::format("{} rows of {} name a unit or person that does not exist", n, table),
            {}};
}

// What `disciplined IN (0, 1, 2)` checks in the schema, checked in memory before the rows go:
// SQLite's bulk load into an empty table runs without CHECKs (BulkLoadSettings).
Result<> check_discipline_codes(std::string_view table, const std::vector<int8_t>& codes) {
    for (int8_t code : codes) {
        if (code != kUnknown && (code < 0 || code > kReview))
            return tl::unexpected(
                StoreError{fmt::format("Mã kỷ luật {} không hợp lệ trong {}", code, table),
                           fmt::format("invalid discipline code {} in {}", code, table),
                           {}});
    }
    return {};
}

SqlValue number(double v) {
    return std::isnan(v) ? SqlValue::null() : SqlValue::of(v);
}

SqlValue flag(int8_t v) {
    return v == kUnknown ? SqlValue::null() : SqlValue::of(static_cast<int64_t>(v));
}

SqlValue scale_id(const Scale& scale, int8_t code) {
    if (code < 0 || static_cast<size_t>(code) >= scale.ids.size()) return SqlValue::null();
    return SqlValue::of(scale.ids[static_cast<size_t>(code)]);
}

SqlValue text_or_null(const std::string& s) {
    return s.empty() ? SqlValue::null() : SqlValue::of(s);
}

std::string iso(const std::optional<Date>& d) {
    return d ? d->iso() : std::string();
}

std::string tag_text(const Dataset& data, const std::vector<TagId>& tags) {
    std::string out;
    for (TagId t : tags)
        out += (out.empty() ? "" : ";") + data.tag_names[t];
    return out;
}

std::string_view subject_kind(const Subject& s) {
    return s.kind == SubjectKind::Unit ? "unit" : "person";
}

const std::string& subject_id(const Dataset& data, const Subject& s) {
    const auto i = static_cast<size_t>(s.index);
    return s.kind == SubjectKind::Unit ? data.units[i].id : data.people.id[i];
}

// Counts the rows it passes on: a table loaded from empty reports them all as inserted.
class CountingWriter final : public StageWriter {
public:
    explicit CountingWriter(StageWriter& target) : m_target(target) {}
    Result<> add(std::span<const SqlValue> row) override {
        ++m_rows;
        return m_target.add(row);
    }
    Result<> finish() override { return m_target.finish(); }
    int64_t rows() const { return m_rows; }

private:
    StageWriter& m_target;
    int64_t m_rows = 0;
};

Result<bool> is_empty(SqlConnection& db, std::string_view table) {
    auto any =
        query_int(db, fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", table));
    if (!any) return tl::unexpected(any.error());
    return *any == 0;
}

// Into an empty table every row is new: staging, the anti-join and the update would only copy
// the rows twice more. Its secondary indexes are built once the rows are in. Keys repeated in the
// dataset fail on the primary key here as they would in the merge's insert; everything stays
// inside the import's transaction, so a failure anywhere still leaves the store as it was.
template <class Fill>
Result<TableCounts> load_empty_table(SqlConnection& db, const MergeSpec& spec, Fill fill) {
    auto indexes = secondary_indexes(db, spec.table);
    if (!indexes) return tl::unexpected(indexes.error());
    if (auto r = drop_indexes(db, *indexes); !r) return tl::unexpected(r.error());
    BulkLoadSettings settings(db);
    if (auto r = settings.begin(); !r) return tl::unexpected(r.error());
    const std::vector<std::string_view> columns = spec.stage_columns();
    auto writer = db.stage(spec.table, columns);
    if (!writer) return tl::unexpected(writer.error());
    CountingWriter counted(**writer);
    if (auto r = fill(counted, int64_t{0}); !r) return tl::unexpected(r.error());
    if (auto r = counted.finish(); !r) return tl::unexpected(r.error());
    writer->reset();
    if (auto r = create_indexes(db, *indexes); !r) return tl::unexpected(r.error());
    return TableCounts{std::string(spec.table), counted.rows(), 0, 0, 0};
}

// Stages rows through `fill`, then merges them. `orphans`, when given, counts staged rows that
// name a missing unit or person, for a table that has no foreign keys to do it. A table loaded
// from empty skips that count: its rows name units and people of the same Dataset by index, all
// of which the steps before have just stored, so it could only ever find none.
template <class Fill>
Result<TableCounts> stage_and_merge(SqlConnection& db, const MergeSpec& spec,
                                    EmptyTables empty_tables, Fill fill,
                                    std::string_view orphans = {}) {
    if (empty_tables == EmptyTables::BulkLoad) {
        auto empty = is_empty(db, spec.table);
        if (!empty) return tl::unexpected(empty.error());
        if (*empty) return load_empty_table(db, spec, fill);
    }
    auto base = spec.ordered ? next_ord(db, spec.table) : Result<int64_t>(0);
    if (!base) return tl::unexpected(base.error());
    auto writer = open_stage(db, spec);
    if (!writer) return tl::unexpected(writer.error());
    if (auto r = fill(**writer, *base); !r) return tl::unexpected(r.error());
    if (auto r = (*writer)->finish(); !r) return tl::unexpected(r.error());
    writer->reset();
    if (!orphans.empty()) {
        auto found = query_int(db, orphans);
        if (!found) return tl::unexpected(found.error());
        if (*found > 0) return tl::unexpected(inconsistent_rows(spec.table, *found));
    }
    return merge_stage(db, spec);
}

Result<> add_unit(StageWriter& w, const Dataset& data, const Unit& u, int64_t ord) {
    const std::string fold_name = fold(u.name), sort = vietnamese_sort_key(u.name);
    const std::string tags = tag_text(data, u.tags), from = iso(u.active_from),
                      to = iso(u.active_to);
    const std::string* parent =
        u.parent == kNoIndex ? nullptr : &data.units[static_cast<size_t>(u.parent)].id;
    const SqlValue row[] = {
        SqlValue::of(u.id),
        SqlValue::of(u.name),
        SqlValue::of(fold_name),
        SqlValue::blob(sort),
        SqlValue::of(unit_type_id(u.type)),
        parent ? SqlValue::of(*parent) : SqlValue::null(),
        SqlValue::of(tags),
        text_or_null(from),
        text_or_null(to),
        SqlValue::of(ord),
    };
    return w.add(row);
}

Result<TableCounts> import_units(SqlConnection& db, const Dataset& data) {
    return stage_and_merge(
        db, tables::kUnits, EmptyTables::Merge, [&](StageWriter& w, int64_t base) -> Result<> {
            for (size_t i = 0; i < data.units.size(); ++i) {
                if (auto r = add_unit(w, data, data.units[i], base + static_cast<int64_t>(i)); !r)
                    return r;
            }
            return {};
        });
}

// The predecessors of every imported unit, replacing what the store listed for those units
// among the units the dataset holds.
Result<TableCounts> import_successions(SqlConnection& db, const Dataset& data) {
    auto counts =
        stage_and_merge(db, tables::kSuccessions, EmptyTables::Merge, [&](StageWriter& w, int64_t) {
            for (const Unit& u : data.units) {
                for (size_t pos = 0; pos < u.successor_of.size(); ++pos) {
                    const Index p = u.successor_of[pos];
                    const std::string& pred = data.units[static_cast<size_t>(p)].id;
                    const double weight =
                        pos < u.predecessor_weight.size() ? u.predecessor_weight[pos] : NAN;
                    const SqlValue row[] = {
                        SqlValue::of(u.id),
                        SqlValue::of(pred),
                        SqlValue::of(static_cast<int64_t>(pos)),
                        std::isnan(weight) ? SqlValue::null() : SqlValue::of(weight),
                        SqlValue::of(static_cast<int64_t>(u.main_predecessor == p ? 1 : 0)),
                    };
                    if (auto r = w.add(row); !r) return r;
                }
            }
            return Result<>();
        });
    if (!counts) return counts;
    // A dataset speaks only of the predecessors it holds: Cần Thơ imported with Ngã Năm's data
    // keeps Sóc Trăng, which Sóc Trăng's data gave it.
    auto removed = db.run(
        "DELETE FROM unit_successions WHERE unit_id IN (SELECT id FROM stage_units) AND "
        "predecessor_id IN (SELECT id FROM stage_units) AND NOT EXISTS (SELECT 1 FROM "
        "stage_unit_successions s WHERE s.unit_id = unit_successions.unit_id AND "
        "s.predecessor_id = unit_successions.predecessor_id)");
    if (!removed) return tl::unexpected(removed.error());
    counts->removed = *removed;
    return counts;
}

// The search form and the ICU sort key of a run of names. They cost a tenth of importing a
// national people.csv, so the next run's are made on another thread while this one is stored.
struct NameKeys {
    std::vector<std::string> fold, sort;
};

NameKeys name_keys(const People& p, size_t begin, size_t end) {
    NameKeys keys;
    keys.fold.reserve(end - begin);
    keys.sort.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
        keys.fold.push_back(fold(p.name[i]));
        keys.sort.push_back(vietnamese_sort_key(p.name[i]));
    }
    return keys;
}

Result<> add_person(StageWriter& w, const Dataset& data, size_t i, int64_t ord,
                    const std::string& fold_name, const std::string& sort) {
    const People& p = data.people;
    const std::string tags = tag_text(data, p.tags[i]);
    const Gender g = p.gender[i];
    const SqlValue row[] = {
        SqlValue::of(p.id[i]),
        SqlValue::of(p.name[i]),
        SqlValue::of(fold_name),
        SqlValue::blob(sort),
        SqlValue::of(data.units[static_cast<size_t>(p.unit[i])].id),
        g == Gender::Unknown ? SqlValue::null() : SqlValue::of(g == Gender::Female ? "nu" : "nam"),
        flag(p.par_role[i]),
        flag(p.resident[i]),
        p.component[i] == kNoIndex
            ? SqlValue::null()
            : SqlValue::of(data.components[static_cast<size_t>(p.component[i])]),
        SqlValue::of(tags),
        SqlValue::of(ord),
    };
    return w.add(row);
}

Result<TableCounts> import_people(SqlConnection& db, const Dataset& data,
                                  EmptyTables empty_tables) {
    return stage_and_merge(
        db, tables::kPeople, empty_tables, [&](StageWriter& w, int64_t base) -> Result<> {
            constexpr size_t kRun = 1 << 16;
            const size_t count = data.people.size();
            const auto keys_from = [&](size_t begin) {
                return std::async(std::launch::async, name_keys, std::cref(data.people), begin,
                                  std::min(count, begin + kRun));
            };
            std::future<NameKeys> next = keys_from(0);
            for (size_t begin = 0; begin < count; begin += kRun) {
                const NameKeys keys = next.get();
                if (begin + kRun < count) next = keys_from(begin + kRun);
                for (size_t i = begin; i < std::min(count, begin + kRun); ++i) {
                    const int64_t ord = base + static_cast<int64_t>(i);
                    auto r =
                        add_person(w, data, i, ord, keys.fold[i - begin], keys.sort[i - begin]);
                    if (!r) return r;
                }
            }
            return {};
        });
}

Result<> add_unit_year(StageWriter& w, const Dataset& data, size_t unit, int year) {
    const UnitYears& y = data.unit_years;
    const size_t s = data.slot(static_cast<Index>(unit), year);
    const SqlValue row[] = {
        SqlValue::of(data.units[unit].id),
        SqlValue::of(static_cast<int64_t>(year)),
        number(y.par_score[s]),
        number(y.par_max[s]),
        number(y.par_rank[s]),
        number(y.satisfaction[s]),
        number(y.task_completion[s]),
        scale_id(par_rating_scale(), y.par_rating[s]),
        flag(y.head_leads[s]),
        flag(y.compliance[s]),
        flag(y.excellent_achievement[s]),
        flag(y.initiative[s]),
        flag(y.disciplined[s]),
    };
    return w.add(row);
}

// Only the (unit, year) slots the dataset has: other years in the store stay as they are.
Result<TableCounts> import_unit_years(SqlConnection& db, const Dataset& data,
                                      EmptyTables empty_tables) {
    if (auto r = check_discipline_codes("unit_years", data.unit_years.disciplined); !r)
        return tl::unexpected(r.error());
    return stage_and_merge(
        db, tables::kUnitYears, empty_tables, [&](StageWriter& w, int64_t) -> Result<> {
            for (size_t u = 0; u < data.units.size(); ++u) {
                for (int year = data.first_year; year < data.first_year + data.year_count; ++year) {
                    if (!data.unit_years.present[data.slot(static_cast<Index>(u), year)]) continue;
                    if (auto r = add_unit_year(w, data, u, year); !r) return r;
                }
            }
            return {};
        });
}

Result<TableCounts> import_component_years(SqlConnection& db, const Dataset& data,
                                           EmptyTables empty_tables) {
    return stage_and_merge(
        db, tables::kComponentYears, empty_tables, [&](StageWriter& w, int64_t base) {
            for (size_t i = 0; i < data.component_years.size(); ++i) {
                const ComponentYear& c = data.component_years[i];
                const SqlValue row[] = {
                    SqlValue::of(data.components[static_cast<size_t>(c.component)]),
                    SqlValue::of(static_cast<int64_t>(c.year)),
                    SqlValue::of(data.units[static_cast<size_t>(c.unit)].id),
                    number(c.score),
                    number(c.max),
                    SqlValue::of(base + static_cast<int64_t>(i)),
                };
                if (auto r = w.add(row); !r) return r;
            }
            return Result<>();
        });
}

Result<> add_person_year(StageWriter& w, const Dataset& data, size_t person, int year) {
    const PersonYears& y = data.person_years;
    const size_t s = data.slot(static_cast<Index>(person), year);
    // A membership equal to the person's own unit is stored as "not given", as the CSV has it.
    const Index unit = y.unit[s];
    const bool own_unit = unit == data.people.unit[person] || unit == kNoIndex;
    const SqlValue row[] = {
        SqlValue::of(data.people.id[person]),
        SqlValue::of(static_cast<int64_t>(year)),
        own_unit ? SqlValue::null() : SqlValue::of(data.units[static_cast<size_t>(unit)].id),
        scale_id(person_rating_scale(), y.rating[s]),
        flag(y.excellent_par[s]),
        flag(y.initiative[s]),
        scale_id(initiative_level_scale(), y.initiative_level[s]),
        flag(y.ethics_ok[s]),
        flag(y.disciplined[s]),
    };
    return w.add(row);
}

// Two anti-joins rather than one NOT EXISTS … OR NOT EXISTS, which PostgreSQL can only run as a
// subquery per row.
constexpr std::string_view kPersonYearOrphans =
    "SELECT (SELECT count(*) FROM stage_person_years s WHERE NOT EXISTS (SELECT 1 FROM people p "
    "WHERE p.id = s.person_id)) + (SELECT count(*) FROM stage_person_years s WHERE s.unit_id IS "
    "NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = s.unit_id))";

Result<TableCounts> import_person_years(SqlConnection& db, const Dataset& data,
                                        EmptyTables empty_tables) {
    if (auto r = check_discipline_codes("person_years", data.person_years.disciplined); !r)
        return tl::unexpected(r.error());
    return stage_and_merge(
        db, tables::kPersonYears, empty_tables,
        [&](StageWriter& w, int64_t) -> Result<> {
            for (size_t p = 0; p < data.people.size(); ++p) {
                for (int year = data.first_year; year < data.first_year + data.year_count; ++year) {
                    if (!data.person_years.present[data.slot(static_cast<Index>(p), year)])
                        continue;
                    if (auto r = add_person_year(w, data, p, year); !r) return r;
                }
            }
            return {};
        },
        kPersonYearOrphans);
}

// Records that repeat a natural key in one dataset: the last one wins, as if imported one by
// one (one merge statement may not touch a row twice).
template <class Key>
std::vector<bool> last_of_each_key(size_t n, Key key) {
    std::unordered_map<std::string, size_t> last;
    for (size_t i = 0; i < n; ++i)
        last[key(i)] = i;
    std::vector<bool> keep(n, false);
    for (const auto& [k, i] : last)
        keep[i] = true;
    return keep;
}

Result<TableCounts> import_registrations(SqlConnection& db, const Dataset& data,
                                         const std::string& plan_id, EmptyTables empty_tables) {
    const auto& regs = data.registrations;
    const std::vector<bool> keep = last_of_each_key(regs.size(), [&](size_t i) {
        return fmt::format("{}\x1f{}\x1f{}", subject_kind(regs[i].subject),
                           subject_id(data, regs[i].subject), regs[i].period);
    });
    return stage_and_merge(
        db, tables::kRegistrations, empty_tables, [&](StageWriter& w, int64_t base) {
            for (size_t i = 0; i < regs.size(); ++i) {
                if (!keep[i]) continue;
                const std::string on = regs[i].registered_on.iso();
                const SqlValue row[] = {SqlValue::of(plan_id),
                                        SqlValue::of(subject_kind(regs[i].subject)),
                                        SqlValue::of(subject_id(data, regs[i].subject)),
                                        SqlValue::of(regs[i].period),
                                        SqlValue::of(on),
                                        SqlValue::of(base + static_cast<int64_t>(i))};
                if (auto r = w.add(row); !r) return r;
            }
            return Result<>();
        });
}

Result<TableCounts> import_events(SqlConnection& db, const Dataset& data,
                                  const std::string& plan_id, EmptyTables empty_tables) {
    const auto& events = data.events;
    const std::vector<bool> keep = last_of_each_key(events.size(), [&](size_t i) {
        return fmt::format("{}\x1f{}", events[i].event, events[i].year);
    });
    return stage_and_merge(db, tables::kEvents, empty_tables, [&](StageWriter& w, int64_t base) {
        for (size_t i = 0; i < events.size(); ++i) {
            if (!keep[i]) continue;
            const std::string on = events[i].date.iso();
            const SqlValue row[] = {SqlValue::of(plan_id), SqlValue::of(events[i].event),
                                    SqlValue::of(static_cast<int64_t>(events[i].year)),
                                    SqlValue::of(on), SqlValue::of(base + static_cast<int64_t>(i))};
            if (auto r = w.add(row); !r) return r;
        }
        return Result<>();
    });
}

Result<> record_parts(SqlConnection& db, const Dataset& data, const std::string& plan_id) {
    for (const tables::DatasetPart& part : tables::kDatasetParts) {
        if (!(data.*part.given)) continue;
        const SqlValue params[] = {
            SqlValue::of(part.per_plan ? std::string_view(plan_id) : std::string_view("")),
            SqlValue::of(part.name)};
        auto r = db.run(
            "INSERT INTO dataset_parts (plan_id, name) VALUES ($1, $2) ON CONFLICT (plan_id, name) "
            "DO NOTHING",
            params);
        if (!r) return tl::unexpected(r.error());
    }
    return {};
}

}  // namespace

Result<ImportReport> import_rows(SqlConnection& db, const Dataset& data, const std::string& plan_id,
                                 EmptyTables empty_tables) {
    ImportReport report;
    const std::function<Result<TableCounts>()> steps[] = {
        [&] { return import_units(db, data); },
        [&] { return import_successions(db, data); },
        [&] { return import_people(db, data, empty_tables); },
        [&] { return import_unit_years(db, data, empty_tables); },
        [&] { return import_component_years(db, data, empty_tables); },
        [&] { return import_person_years(db, data, empty_tables); },
        [&] { return import_registrations(db, data, plan_id, empty_tables); },
        [&] { return import_events(db, data, plan_id, empty_tables); },
    };
    for (const auto& step : steps) {
        auto counts = step();
        if (!counts) return tl::unexpected(counts.error());
        report.tables.push_back(std::move(*counts));
    }
    if (auto r = import_dossiers(db, data, plan_id, report.tables); !r)
        return tl::unexpected(r.error());
    if (auto r = record_parts(db, data, plan_id); !r) return tl::unexpected(r.error());
    for (const MergeSpec* spec :
         {&tables::kUnits, &tables::kSuccessions, &tables::kPeople, &tables::kUnitYears,
          &tables::kComponentYears, &tables::kPersonYears, &tables::kRegistrations,
          &tables::kEvents, &tables::kDossierDocuments}) {
        if (auto r = drop_stage(db, spec->stage_table()); !r) return tl::unexpected(r.error());
    }
    return report;
}

}  // namespace thidua::store
