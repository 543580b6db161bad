#pragma once
// The placeholders each document kind offers: the contract between the binder (which fills
// them) and the templates (default ones under templates/docx/, and those users upload per plan).
// Each field carries its Vietnamese description, shown to template authors (docs/DOCUMENTS.md,
// the API and the template upload page).

#include <string_view>
#include <vector>

#include "documents/TemplateCheck.h"
#include "forms/FormKind.h"

namespace thidua::forms {

struct FieldInfo {
    std::string_view name;            // "co_quan.ten"; for a list, the list's name: "de_nghi"
    std::string_view description_vi;  // "Tên cơ quan ban hành, chữ in hoa"
    std::vector<FieldInfo> record;    // a list's record fields ("ten", "don_vi"); empty: a field
};

// Every field and list of a kind, common ones first.
const std::vector<FieldInfo>& form_fields(FormKind kind);

// The same as a schema for documents::check_template.
documents::TemplateSchema form_schema(FormKind kind);

}  // namespace thidua::forms
