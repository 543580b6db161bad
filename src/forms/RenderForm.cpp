#include "forms/RenderForm.h"

#include "documents/DocxTemplate.h"
#include "documents/TemplateCheck.h"
#include "forms/FormFields.h"

namespace thidua::forms {

tl::expected<std::string, Diagnostics> render_form(const FormRequest& request,
                                                   std::string_view template_docx,
                                                   const std::string& template_name) {
    auto tpl = documents::DocxTemplate::open(template_docx, template_name);
    if (!tpl) return tl::unexpected(Diagnostics{tpl.error()});
    Diagnostics problems =
        documents::check_template(tpl->placeholders(), form_schema(request.kind), template_name);
    if (!problems.empty()) return tl::unexpected(std::move(problems));
    auto values = bind_form(request);
    if (!values)
        return tl::unexpected(Diagnostics{Diagnostic::about_file(
            template_name, values.error(), "the document cannot be made for this request")});
    auto filled = tpl->fill(*values);
    if (!filled) return tl::unexpected(Diagnostics{filled.error()});
    return std::move(filled->docx);
}

std::string form_file_stem(const FormRequest& request) {
    const EvaluationResult& r = *request.result;
    std::string stem =
        std::string(form_info(request.kind).id) + "-" + r.plan->spec.id + "-" + r.period.id;
    if (!request.award.empty()) stem += "-" + request.award;
    if (request.unit >= 0) stem += "-" + r.data->units[static_cast<size_t>(request.unit)].id;
    return stem;
}

}  // namespace thidua::forms
