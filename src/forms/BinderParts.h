#pragma once
// The pieces bind_form assembles, one per group of FormFields: shared by every kind (heading,
// date, signature, plan), a unit's own, the plan's selection, and what only one kind has.

#include "documents/TemplateValues.h"
#include "forms/Agency.h"
#include "forms/FormBinder.h"

namespace thidua::forms {

void put_common(documents::TemplateValues& v, const FormRequest& q, const Heading& heading);
void put_unit(documents::TemplateValues& v, const FormRequest& q);
void put_registration(documents::TemplateValues& v, const FormRequest& q);
void put_achievement(documents::TemplateValues& v, const FormRequest& q);
void put_selection(documents::TemplateValues& v, const FormRequest& q);
void put_minutes(documents::TemplateValues& v, const FormRequest& q);
void put_decision(documents::TemplateValues& v, const FormRequest& q);

// "Kế hoạch số 64/KH-UBND ngày 22/3/2022 của Ủy ban nhân dân tỉnh Kiên Giang"
std::string plan_citation(const PlanSpec& plan);
// The number for "Số: …": the given one, or blank room for the clerk.
std::string number_or_blank(const std::string& number);

}  // namespace thidua::forms
