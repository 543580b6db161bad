#pragma once
// Representative values for each document kind, as the binder would give them: Vietnamese names
// with diacritics, line breaks in the signer's title and the recipients, and enough proposals
// that the list and the decision's annex run over several pages.

#include "documents/TemplateValues.h"
#include "forms/FormKind.h"

namespace thidua::testing_support {

documents::TemplateValues sample_form_values(forms::FormKind kind);

}  // namespace thidua::testing_support
