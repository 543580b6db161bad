#pragma once
// Fills the placeholders of a document kind (FormFields) from an evaluation: the plan, the
// dataset, the period and its decisions. Pure: no I/O, no clock (the date is given).

#include <string>

#include <tl/expected.hpp>

#include "documents/TemplateValues.h"
#include "eval/Evaluation.h"
#include "forms/FormKind.h"

namespace thidua::forms {

struct FormRequest {
    FormKind kind = FormKind::Submission;
    const EvaluationResult* result = nullptr;
    Date date;              // the document's date
    std::string number;     // "" leaves room for the clerk's number
    Index unit = kNoIndex;  // the unit of a unit document (registration, achievement report)
    std::string award;      // "" every award of the period; else one award id
    // The plan as documents see it, set by bind_form: the issuer's successor from the lineage
    // filled in. Null: the evaluated plan's own.
    const PlanSpec* spec = nullptr;
};

inline const PlanSpec& plan_of(const FormRequest& q) {
    return q.spec ? *q.spec : q.result->plan->spec;
}

// A Vietnamese message when the request cannot make a document (a unit document without a
// unit, an award the period does not have).
tl::expected<documents::TemplateValues, std::string> bind_form(const FormRequest& request);

}  // namespace thidua::forms
