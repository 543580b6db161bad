#include "io/dataset/DatasetBuild.h"

#include <algorithm>
#include <limits>

#include "base/Text.h"

namespace thidua::detail {

void DatasetBuild::report(std::string_view file, int line, std::string_view field,
                          std::string_view value, std::string vi, std::string en) {
    report_to(sink, file, line, field, value, std::move(vi), std::move(en));
}

void DatasetBuild::report_to(DiagnosticSink& to, std::string_view file, int line,
                             std::string_view field, std::string_view value, std::string vi,
                             std::string en) {
    Diagnostic d;
    d.file = std::string(file);
    d.line = line;
    d.field = std::string(field);
    d.value = std::string(value);
    d.message = std::move(vi);
    d.message_en = std::move(en);
    to.add(std::move(d));
}

std::vector<TagId> DatasetBuild::tags(const TableReader& table, size_t col) {
    return intern_tags(table.id_list(col), table.file(), table.line());
}

std::vector<TagId> DatasetBuild::intern_tags(std::span<const std::string_view> names,
                                             std::string_view file, int line) {
    return intern_tags(names, file, line, sink);
}

std::vector<TagId> DatasetBuild::intern_tags(std::span<const std::string_view> names,
                                             std::string_view file, int line,
                                             DiagnosticSink& problems) {
    std::vector<TagId> out;
    for (std::string_view name : names) {
        auto found = tag_by_name.find(std::string(name));
        if (found == tag_by_name.end()) {
            if (data.tag_names.size() > std::numeric_limits<TagId>::max()) {
                report_to(problems, file, line, "tags", name,
                          "Quá nhiều nhãn khác nhau trong bộ dữ liệu",
                          "too many different tags in the dataset");
                continue;
            }
            const auto tag = static_cast<TagId>(data.tag_names.size());
            data.tag_names.emplace_back(name);
            found = tag_by_name.emplace(std::string(name), tag).first;
        }
        out.push_back(found->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Index DatasetBuild::intern_component(std::string_view id) {
    const auto [it, inserted] =
        component_by_id.emplace(std::string(id), static_cast<Index>(data.components.size()));
    if (inserted) data.components.emplace_back(id);
    return it->second;
}

namespace {

template <typename Lookup, typename IdAt>
Index find_id(Lookup lookup, std::string_view id, DatasetBuild::LastFound& last, size_t count,
              IdAt id_at) {
    if (last.index != kNoIndex) {
        if (last.id == id) return last.index;
        const auto next = static_cast<size_t>(last.index) + 1;
        if (next < count && id_at(next) == id) {
            last.id = id;
            return last.index = static_cast<Index>(next);
        }
    }
    const Index found = lookup(id);
    if (found == kNoIndex) return kNoIndex;
    last.id = id;
    last.index = found;
    return found;
}

Index find_unit_id(const Dataset& data, std::string_view id) {
    const auto found = data.unit_by_id.find(std::string(id));
    return found == data.unit_by_id.end() ? kNoIndex : found->second;
}

}  // namespace

TableReader DatasetBuild::table(std::string file, std::string_view content,
                                std::span<const Column> columns, bool header_required) const {
    TableReader reader(std::move(file), content, columns, sink, header_required);
    if (content_valid_utf8) reader.assume_valid_utf8();
    if (content_nfc) reader.assume_nfc();
    return reader;
}

Index DatasetBuild::lookup_unit(std::string_view id, IdCache& cache) const {
    return find_id([&](std::string_view u) { return find_unit_id(data, u); }, id, cache.unit,
                   data.units.size(),
                   [&](size_t i) -> std::string_view { return data.units[i].id; });
}

Index DatasetBuild::lookup_person(std::string_view id, IdCache& cache) const {
    return find_id([&](std::string_view p) { return data.find_person(p); }, id, cache.person,
                   data.people.id.size(),
                   [&](size_t i) -> std::string_view { return data.people.id[i]; });
}

Index DatasetBuild::find_unit(const TableReader& table, size_t col, IdCache& cache) const {
    const std::optional<std::string_view> id = table.id(col);
    if (!id) return kNoIndex;
    const Index found = lookup_unit(*id, cache);
    if (found != kNoIndex) return found;
    table.report(col, "Không có đơn vị nào mang mã này trong units.csv",
                 "no unit has this id in units.csv");
    return kNoIndex;
}

Index DatasetBuild::find_person(const TableReader& table, size_t col, IdCache& cache) const {
    const std::optional<std::string_view> id = table.id(col);
    if (!id) return kNoIndex;
    const Index found = lookup_person(*id, cache);
    if (found != kNoIndex) return found;
    table.report(col, "Không có cá nhân nào mang mã này trong people.csv",
                 "no person has this id in people.csv");
    return kNoIndex;
}

std::optional<Subject> DatasetBuild::find_subject(const TableReader& table, size_t col) const {
    const std::optional<std::string_view> id = table.id(col);
    if (!id) return std::nullopt;
    const Index unit = find_unit_id(data, *id);
    const Index person = data.find_person(*id);
    const bool is_unit = unit != kNoIndex;
    const bool is_person = person != kNoIndex;
    if (is_unit && is_person) {
        table.report(col, "Mã này vừa là mã đơn vị vừa là mã cá nhân; hãy đổi một trong hai",
                     "this id is both a unit id and a person id; rename one of them");
        return std::nullopt;
    }
    if (is_unit) return Subject{SubjectKind::Unit, unit};
    if (is_person) return Subject{SubjectKind::Person, person};
    table.report(col, "Không có đơn vị hay cá nhân nào mang mã này (units.csv, people.csv)",
                 "no unit or person has this id (units.csv, people.csv)");
    return std::nullopt;
}

}  // namespace thidua::detail
