#include "io/write/DatasetTables.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace thidua {
namespace {

// One reusable row: cells keep their string capacity from row to row.
class RowBuilder {
public:
    explicit RowBuilder(const SchemaFile& file) : m_cells(file.columns.size()) {}

    void clear() {
        for (OutCell& c : m_cells) {
            c.type = OutCell::Type::Blank;
            c.text.clear();
        }
    }
    void text(size_t col, std::string_view value) {
        if (value.empty()) return;
        m_cells[col].type = OutCell::Type::Text;
        m_cells[col].text = value;
    }
    // fmt's shortest form reads back to the same double.
    void number(size_t col, double value) {
        if (std::isnan(value)) return;
        m_cells[col].type = OutCell::Type::Number;
        m_cells[col].number = value;
        m_cells[col].text = fmt::format("{}", value);
    }
    void date(size_t col, const std::optional<Date>& value) {
        if (!value) return;
        m_cells[col].type = OutCell::Type::Date;
        m_cells[col].date = *value;
        m_cells[col].text = value->iso();
    }
    void flag(size_t col, int8_t value) {
        if (value == kReview) {
            text(col, "review");
        } else if (value != kUnknown) {
            number(col, value);
        }
    }
    void code(size_t col, int8_t value, const Scale& scale) {
        if (value >= 0 && static_cast<size_t>(value) < scale.ids.size())
            text(col, scale.ids[static_cast<size_t>(value)]);
    }
    std::span<const OutCell> cells() const { return m_cells; }

private:
    std::vector<OutCell> m_cells;
};

std::string join_ids(const std::vector<std::string_view>& ids) {
    std::string out;
    for (std::string_view id : ids)
        out += (out.empty() ? "" : ";") + std::string(id);
    return out;
}

std::string tag_list(const Dataset& d, const std::vector<TagId>& tags) {
    std::vector<std::string_view> names;
    for (TagId t : tags)
        names.push_back(d.tag_names[t]);
    return join_ids(names);
}

std::string_view unit_id(const Dataset& d, Index unit) {
    return unit == kNoIndex ? std::string_view() : d.units[static_cast<size_t>(unit)].id;
}

std::string_view subject_id(const Dataset& d, const Subject& s) {
    if (s.kind == SubjectKind::Unit) return unit_id(d, s.index);
    return d.people.id[static_cast<size_t>(s.index)];
}

const SchemaFile& schema_file(std::string_view name) {
    for (const SchemaFile& f : dataset_schema()) {
        if (f.file == name) return f;
    }
    return dataset_schema().front();  // not reached: every name below is in the schema
}

// Runs `rows(builder, emit)` between begin_table and end_table.
template <class Rows>
void table(TableSink& sink, std::string_view name, Rows rows) {
    const SchemaFile& file = schema_file(name);
    sink.begin_table(file);
    RowBuilder b(file);
    rows(b, [&] { sink.row(b.cells()); });
    sink.end_table();
}

void emit_units(const Dataset& d, TableSink& sink) {
    table(sink, "units.csv", [&](RowBuilder& b, auto emit) {
        for (const Unit& u : d.units) {
            b.clear();
            b.text(0, u.id);
            b.text(1, u.name);
            b.text(2, unit_type_id(u.type));
            b.text(3, unit_id(d, u.parent));
            b.text(4, tag_list(d, u.tags));
            std::vector<std::string_view> successors;
            for (Index s : u.successor_of)
                successors.push_back(unit_id(d, s));
            b.text(5, join_ids(successors));
            b.date(6, u.active_from);
            b.date(7, u.active_to);
            emit();
        }
    });
}

// Only what units.csv cannot say: weights and the main predecessor.
bool has_lineage_detail(const Unit& u) {
    if (u.main_predecessor != kNoIndex) return true;
    for (double w : u.predecessor_weight)
        if (!std::isnan(w)) return true;
    return false;
}

void emit_lineage(const Dataset& d, TableSink& sink) {
    table(sink, "lineage.csv", [&](RowBuilder& b, auto emit) {
        for (const Unit& u : d.units) {
            if (!u.active_from || !has_lineage_detail(u)) continue;
            for (size_t i = 0; i < u.successor_of.size(); ++i) {
                const double weight =
                    i < u.predecessor_weight.size() ? u.predecessor_weight[i] : NAN;
                const bool main = u.main_predecessor == u.successor_of[i];
                // units.csv already says the rest; a bare row would repeat it as a date claim.
                if (std::isnan(weight) && !main) continue;
                b.clear();
                b.text(0, unit_id(d, u.successor_of[i]));
                b.text(1, u.id);
                b.date(2, u.active_from);
                b.number(3, weight);
                if (main) b.number(4, 1);
                emit();
            }
        }
    });
}

std::string_view gender_code(Gender g) {
    return g == Gender::Female ? "nu" : g == Gender::Male ? "nam" : "";
}

void emit_people(const Dataset& d, TableSink& sink) {
    const People& p = d.people;
    table(sink, "people.csv", [&](RowBuilder& b, auto emit) {
        for (size_t i = 0; i < p.size(); ++i) {
            b.clear();
            b.text(0, p.id[i]);
            b.text(1, p.name[i]);
            b.text(2, unit_id(d, p.unit[i]));
            b.text(3, gender_code(p.gender[i]));
            b.flag(4, p.par_role[i]);
            b.flag(5, p.resident[i]);
            if (p.component[i] != kNoIndex)
                b.text(6, d.components[static_cast<size_t>(p.component[i])]);
            b.text(7, tag_list(d, p.tags[i]));
            emit();
        }
    });
}

void unit_year_row(const Dataset& d, RowBuilder& b, size_t unit, int year) {
    const UnitYears& y = d.unit_years;
    const size_t s = d.slot(static_cast<Index>(unit), year);
    b.clear();
    b.text(0, d.units[unit].id);
    b.number(1, year);
    b.number(2, y.par_score[s]);
    b.number(3, y.par_max[s]);
    b.code(4, y.par_rating[s], par_rating_scale());
    b.number(5, y.par_rank[s]);
    b.number(6, y.satisfaction[s]);
    b.number(7, y.task_completion[s]);
    b.flag(8, y.head_leads[s]);
    b.flag(9, y.compliance[s]);
    b.flag(10, y.excellent_achievement[s]);
    b.flag(11, y.initiative[s]);
    b.flag(12, y.disciplined[s]);
}

void emit_unit_years(const Dataset& d, TableSink& sink) {
    table(sink, "unit_years.csv", [&](RowBuilder& b, auto emit) {
        for (size_t u = 0; u < d.units.size(); ++u) {
            for (int year = d.first_year; year < d.first_year + d.year_count; ++year) {
                if (!d.unit_years.present[d.slot(static_cast<Index>(u), year)]) continue;
                unit_year_row(d, b, u, year);
                emit();
            }
        }
    });
}

void emit_component_years(const Dataset& d, TableSink& sink) {
    table(sink, "component_years.csv", [&](RowBuilder& b, auto emit) {
        for (const ComponentYear& c : d.component_years) {
            b.clear();
            b.text(0, d.components[static_cast<size_t>(c.component)]);
            b.text(1, unit_id(d, c.unit));
            b.number(2, c.year);
            b.number(3, c.score);
            b.number(4, c.max);
            emit();
        }
    });
}

// unit_id is written on every row, also when it is the person's own unit: the row then reads
// back the same whatever people.csv says.
void person_year_row(const Dataset& d, RowBuilder& b, size_t person, int year) {
    const PersonYears& y = d.person_years;
    const size_t s = d.slot(static_cast<Index>(person), year);
    b.clear();
    b.text(0, d.people.id[person]);
    b.number(1, year);
    b.text(2, unit_id(d, y.unit[s]));
    b.code(3, y.rating[s], person_rating_scale());
    b.flag(4, y.excellent_par[s]);
    b.flag(5, y.initiative[s]);
    b.code(6, y.initiative_level[s], initiative_level_scale());
    b.flag(7, y.ethics_ok[s]);
    b.flag(8, y.disciplined[s]);
}

void emit_person_years(const Dataset& d, TableSink& sink) {
    table(sink, "person_years.csv", [&](RowBuilder& b, auto emit) {
        for (size_t p = 0; p < d.people.size(); ++p) {
            for (int year = d.first_year; year < d.first_year + d.year_count; ++year) {
                if (!d.person_years.present[d.slot(static_cast<Index>(p), year)]) continue;
                person_year_row(d, b, p, year);
                emit();
            }
        }
    });
}

void emit_records(const Dataset& d, TableSink& sink) {
    if (d.has_registrations) {
        table(sink, "registrations.csv", [&](RowBuilder& b, auto emit) {
            for (const Registration& r : d.registrations) {
                b.clear();
                b.text(0, subject_id(d, r.subject));
                b.text(1, r.period);
                b.date(2, r.registered_on);
                emit();
            }
        });
    }
    if (d.has_events) {
        table(sink, "events.csv", [&](RowBuilder& b, auto emit) {
            for (const Event& e : d.events) {
                b.clear();
                b.text(0, e.event);
                b.number(1, e.year);
                b.date(2, e.date);
                emit();
            }
        });
    }
}

void emit_dossiers(const Dataset& d, TableSink& sink) {
    table(sink, "dossiers.csv", [&](RowBuilder& b, auto emit) {
        for (const DossierDocument& doc : d.dossiers) {
            b.clear();
            b.text(0, subject_id(d, doc.subject));
            b.text(1, doc.award);
            b.text(2, doc.period);
            b.text(3, doc.document);
            b.number(4, doc.copies);
            b.date(5, doc.submitted_on);
            emit();
        }
    });
}

}  // namespace

void emit_dataset_tables(const Dataset& data, TableSink& sink) {
    emit_units(data, sink);
    const bool lineage = std::any_of(data.units.begin(), data.units.end(), has_lineage_detail);
    if (lineage) emit_lineage(data, sink);
    if (data.has_people) emit_people(data, sink);
    if (data.has_unit_years) emit_unit_years(data, sink);
    if (data.has_component_years) emit_component_years(data, sink);
    if (data.has_person_years) emit_person_years(data, sink);
    emit_records(data, sink);
    if (data.has_dossiers) emit_dossiers(data, sink);
}

}  // namespace thidua
