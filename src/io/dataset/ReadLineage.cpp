// lineage.csv: which unit replaced which, from what date, with what weight. It completes
// units.csv: an edge adds the predecessor to the new unit's successor_of if not already there,
// and fills blank active dates (the new unit starts on the date, the old one ends the day
// before). A date that contradicts units.csv is an error, not a silent choice.

#include <fmt/format.h>

#include <cmath>

#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

constexpr std::string_view kFile = "lineage.csv";

enum Col : size_t { kOld, kNew, kDate, kWeight, kMain };
constexpr Column kColumns[] = {
    {"old_id", true}, {"new_id", true}, {"date", true}, {"weight", false}, {"main", false},
};

void set_start(const TableReader& table, Unit& unit, Date date) {
    if (!unit.active_from) {
        unit.active_from = date;
    } else if (*unit.active_from != date) {
        table.report(kDate,
                     fmt::format("Ngày khác active_from của {} trong units.csv ({})", unit.id,
                                 unit.active_from->iso()),
                     fmt::format("differs from {}'s active_from in units.csv ({})", unit.id,
                                 unit.active_from->iso()));
    }
}

void set_end(const TableReader& table, Unit& unit, Date date) {
    const Date last = date.plus_days(-1);
    if (!unit.active_to) {
        unit.active_to = last;
    } else if (*unit.active_to != last) {
        table.report(kDate,
                     fmt::format("Đơn vị {} kết thúc ngày {} trong units.csv, không phải ngày "
                                 "trước ngày này",
                                 unit.id, unit.active_to->iso()),
                     fmt::format("{} ends on {} in units.csv, not the day before this date",
                                 unit.id, unit.active_to->iso()));
    }
}

double read_weight(const TableReader& table) {
    if (table.blank(kWeight)) return NAN;
    const double w = table.number(kWeight);
    if (!std::isnan(w) && w <= 0) {
        table.report(kWeight, "Trọng số phải lớn hơn 0", "the weight must be greater than 0");
        return NAN;
    }
    return w;
}

void mark_main(const TableReader& table, const Dataset& data, Unit& unit, Index old_unit) {
    if (unit.main_predecessor != kNoIndex && unit.main_predecessor != old_unit) {
        const std::string& other = data.units[static_cast<size_t>(unit.main_predecessor)].id;
        table.report(kMain, fmt::format("{} đã có đơn vị tiền thân chính là {}", unit.id, other),
                     fmt::format("{} already has {} as its main predecessor", unit.id, other));
        return;
    }
    unit.main_predecessor = old_unit;
}

void read_lineage_row(DatasetBuild& build, const TableReader& table) {
    const Index old_unit = build.find_unit(table, kOld);
    const Index new_unit = build.find_unit(table, kNew);
    const std::optional<Date> date = table.recent_date(kDate);
    const double weight = read_weight(table);
    const int8_t main = table.blank(kMain) ? 0 : table.flag(kMain);
    if (old_unit == kNoIndex || new_unit == kNoIndex || !date) return;
    if (old_unit == new_unit) {
        table.report(kNew, "Đơn vị không thể thay thế chính nó", "a unit cannot replace itself");
        return;
    }
    Unit& successor = build.data.units[static_cast<size_t>(new_unit)];
    set_start(table, successor, *date);
    set_end(table, build.data.units[static_cast<size_t>(old_unit)], *date);
    size_t pos = 0;
    while (pos < successor.successor_of.size() && successor.successor_of[pos] != old_unit)
        ++pos;
    if (pos == successor.successor_of.size()) successor.add_predecessor(old_unit);
    successor.predecessor_weight[pos] = weight;
    if (main == 1) mark_main(table, build.data, successor, old_unit);
}

}  // namespace

void read_lineage(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table(std::string(kFile), content, kColumns);
    while (table.next_row())
        read_lineage_row(build, table);
}

}  // namespace thidua::detail
