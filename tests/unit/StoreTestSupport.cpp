#include "StoreTestSupport.h"

namespace thidua::testing_support {
namespace {

template <class T>
void expect_same_column(const std::vector<T>& a, const std::vector<T>& b, const char* what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (size_t i = 0; i < a.size(); ++i) {
        if constexpr (std::is_floating_point_v<T>) {
            if (std::isnan(a[i]) && std::isnan(b[i])) continue;
        }
        ASSERT_EQ(a[i], b[i]) << what << " at " << i;
    }
}

std::vector<std::string> tag_names(const Dataset& d, const std::vector<TagId>& tags) {
    std::vector<std::string> out;
    for (TagId t : tags)
        out.push_back(d.tag_names[t]);
    std::sort(out.begin(), out.end());
    return out;
}

void expect_same_units(const Dataset& a, const Dataset& b) {
    ASSERT_EQ(a.units.size(), b.units.size());
    for (size_t i = 0; i < a.units.size(); ++i) {
        const Unit &x = a.units[i], &y = b.units[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.type, y.type);
        EXPECT_EQ(x.parent, y.parent) << x.id;
        EXPECT_EQ(tag_names(a, x.tags), tag_names(b, y.tags)) << x.id;
        EXPECT_EQ(x.successor_of, y.successor_of) << x.id;
        EXPECT_EQ(x.active_from, y.active_from) << x.id;
        EXPECT_EQ(x.active_to, y.active_to) << x.id;
    }
}

void expect_same_people(const Dataset& a, const Dataset& b) {
    const People &x = a.people, &y = b.people;
    expect_same_column(x.id, y.id, "people.id");
    expect_same_column(x.name, y.name, "people.name");
    expect_same_column(x.unit, y.unit, "people.unit");
    expect_same_column(x.gender, y.gender, "people.gender");
    expect_same_column(x.par_role, y.par_role, "people.par_role");
    expect_same_column(x.resident, y.resident, "people.resident");
    expect_same_column(x.component, y.component, "people.component");
    for (size_t i = 0; i < x.size(); ++i)
        EXPECT_EQ(tag_names(a, x.tags[i]), tag_names(b, y.tags[i])) << x.id[i];
}

void expect_same_years(const Dataset& a, const Dataset& b) {
    EXPECT_EQ(a.first_year, b.first_year);
    EXPECT_EQ(a.year_count, b.year_count);
    const UnitYears &u = a.unit_years, &v = b.unit_years;
    expect_same_column(u.par_score, v.par_score, "par_score");
    expect_same_column(u.par_max, v.par_max, "par_max");
    expect_same_column(u.par_rank, v.par_rank, "par_rank");
    expect_same_column(u.satisfaction, v.satisfaction, "satisfaction");
    expect_same_column(u.task_completion, v.task_completion, "task_completion");
    expect_same_column(u.par_rating, v.par_rating, "par_rating");
    expect_same_column(u.head_leads, v.head_leads, "head_leads");
    expect_same_column(u.compliance, v.compliance, "compliance");
    expect_same_column(u.excellent_achievement, v.excellent_achievement, "excellent");
    expect_same_column(u.initiative, v.initiative, "initiative");
    expect_same_column(u.disciplined, v.disciplined, "disciplined");
    expect_same_column(u.present, v.present, "unit_years.present");
    const PersonYears &p = a.person_years, &q = b.person_years;
    expect_same_column(p.unit, q.unit, "person_years.unit");
    expect_same_column(p.rating, q.rating, "rating");
    expect_same_column(p.excellent_par, q.excellent_par, "excellent_par");
    expect_same_column(p.initiative, q.initiative, "person initiative");
    expect_same_column(p.ethics_ok, q.ethics_ok, "ethics_ok");
    expect_same_column(p.initiative_level, q.initiative_level, "initiative_level");
    expect_same_column(p.disciplined, q.disciplined, "person disciplined");
    expect_same_column(p.present, q.present, "person_years.present");
}

void expect_same_records(const Dataset& a, const Dataset& b) {
    EXPECT_EQ(a.components, b.components);
    ASSERT_EQ(a.component_years.size(), b.component_years.size());
    for (size_t i = 0; i < a.component_years.size(); ++i) {
        const ComponentYear &x = a.component_years[i], &y = b.component_years[i];
        EXPECT_EQ(std::tie(x.component, x.unit, x.year, x.score, x.max),
                  std::tie(y.component, y.unit, y.year, y.score, y.max));
    }
    ASSERT_EQ(a.registrations.size(), b.registrations.size());
    for (size_t i = 0; i < a.registrations.size(); ++i) {
        const Registration &x = a.registrations[i], &y = b.registrations[i];
        EXPECT_EQ(std::tie(x.subject.kind, x.subject.index, x.period, x.registered_on),
                  std::tie(y.subject.kind, y.subject.index, y.period, y.registered_on));
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (size_t i = 0; i < a.events.size(); ++i)
        EXPECT_EQ(std::tie(a.events[i].event, a.events[i].year, a.events[i].date),
                  std::tie(b.events[i].event, b.events[i].year, b.events[i].date));
    ASSERT_EQ(a.dossiers.size(), b.dossiers.size());
    for (size_t i = 0; i < a.dossiers.size(); ++i) {
        const DossierDocument &x = a.dossiers[i], &y = b.dossiers[i];
        EXPECT_EQ(std::tie(x.subject.kind, x.subject.index, x.award, x.period, x.document, x.copies,
                           x.submitted_on),
                  std::tie(y.subject.kind, y.subject.index, y.award, y.period, y.document, y.copies,
                           y.submitted_on));
    }
}

}  // namespace

void expect_same_dataset(const Dataset& a, const Dataset& b) {
    expect_same_units(a, b);
    expect_same_people(a, b);
    expect_same_years(a, b);
    expect_same_records(a, b);
    EXPECT_EQ(a.tag_names, b.tag_names);
    EXPECT_EQ(std::tie(a.has_people, a.has_unit_years, a.has_person_years, a.has_component_years,
                       a.has_registrations, a.has_events, a.has_dossiers),
              std::tie(b.has_people, b.has_unit_years, b.has_person_years, b.has_component_years,
                       b.has_registrations, b.has_events, b.has_dossiers));
}

}  // namespace thidua::testing_support
