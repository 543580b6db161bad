#pragma once
// The default template of each document kind: templates/docx/common plus templates/docx/<id>,
// packed into a .docx at build time and compiled in (cmake/EmbedTemplates.cmake, which also
// generates the implementation). A plan may replace one with its own upload; this is what it
// gets otherwise, and what an author downloads to start from.

#include <string_view>

#include "forms/FormKind.h"

namespace thidua::forms {

// The .docx bytes; static storage, never empty for a kind of form_kinds().
std::string_view default_template(FormKind kind);

}  // namespace thidua::forms
