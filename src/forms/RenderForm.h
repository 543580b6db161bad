#pragma once
// From a request to the bytes of a .docx: bind the kind's fields, check the template offers no
// placeholder the kind cannot fill, fill it. The template is the plan's own when a user uploaded
// one, else the default (DefaultTemplates); the caller chooses and passes the bytes.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "forms/FormBinder.h"

namespace thidua::forms {

tl::expected<std::string, Diagnostics> render_form(const FormRequest& request,
                                                   std::string_view template_docx,
                                                   const std::string& template_name);

// "to-trinh-kien-giang-2021-2025-2021-2025", plus "-UNIT" for a unit document; no extension.
std::string form_file_stem(const FormRequest& request);

}  // namespace thidua::forms
