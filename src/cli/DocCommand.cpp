// thidua doc: the documents and workbooks of a plan's period as files (see output/DocumentMaker).

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/EvaluationInput.h"
#include "forms/DefaultTemplates.h"
#include "forms/FormFields.h"
#include "io/TempDir.h"
#include "output/DocumentMaker.h"
#include "store/Clock.h"

namespace thidua::cli {
namespace {

struct DocArgs {
    EvaluationArgs input;
    std::string kind, out, unit, award, date, number, template_file;
    bool list = false, fields = false, default_template = false;
};

void print(const Diagnostics& problems) {
    for (const Diagnostic& d : problems)
        std::cerr << d.format_bilingual() << "\n";
}

int list_kinds() {
    for (const output::OutputKind& k : output::output_kinds()) {
        const char* what = k.form == nullptr ? ".xlsx"
                                             : (k.form->subject == forms::FormSubject::Unit
                                                    ? ".docx/.pdf, cần --unit"
                                                    : ".docx/.pdf");
        std::cout << fmt::format("{:<20} {} ({})\n", k.id, k.name_vi, what);
    }
    return kExitOk;
}

int list_fields(const forms::FormInfo& form) {
    for (const forms::FieldInfo& f : forms::form_fields(form.kind)) {
        if (f.record.empty()) {
            std::cout << fmt::format("{{{{{}}}}}  {}\n", f.name, f.description_vi);
            continue;
        }
        std::cout << fmt::format("{{{{#{}}}}}  {} — mỗi bản ghi:\n", f.name, f.description_vi);
        for (const forms::FieldInfo& r : f.record)
            std::cout << fmt::format("    {{{{{}.{}}}}}  {}\n", f.name, r.name, r.description_vi);
    }
    return kExitOk;
}

bool write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (out) return true;
    std::cerr << fmt::format("không ghi được {} / cannot write {}\n", path, path);
    return false;
}

std::optional<output::FileFormat> format_of(const std::string& out) {
    auto ends = [&](std::string_view ext) {
        return out.size() >= ext.size() &&
               out.compare(out.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends(".docx")) return output::FileFormat::Docx;
    if (ends(".pdf")) return output::FileFormat::Pdf;
    if (ends(".xlsx")) return output::FileFormat::Xlsx;
    return std::nullopt;
}

// The template the document is filled from: --template, else the plan's upload in the store.
tl::expected<void, int> choose_template(const DocArgs& args, EvaluationInput& in,
                                        output::DocumentRequest& q) {
    if (!args.template_file.empty()) {
        q.template_docx = read_file_bytes(args.template_file);
        q.template_name = args.template_file;
        if (!q.template_docx) {
            std::cerr << fmt::format("không đọc được {} / cannot read {}\n", args.template_file,
                                     args.template_file);
            return tl::unexpected(kExitBadInput);
        }
        return {};
    }
    if (!in.store || q.kind->form == nullptr) return {};
    auto own = in.store->find_plan_template(in.plan->spec.id, std::string(q.kind->id));
    if (!own) {
        std::cerr << own.error().format() << "\n";
        return tl::unexpected(kExitFailure);
    }
    if (*own && !(*own)->content.empty()) {
        q.template_docx = std::move((*own)->content);
        q.template_name = (*own)->file_name;
    }
    return {};
}

int make(const DocArgs& args, const output::OutputKind& kind) {
    const auto format = format_of(args.out);
    if (!format) {
        std::cerr << "--out phải kết thúc bằng .docx, .pdf hoặc .xlsx / --out must end in .docx, "
                     ".pdf or .xlsx\n";
        return kExitBadInput;
    }
    std::optional<Date> date = store::vietnam_today();
    if (!args.date.empty() && !(date = Date::parse_iso(args.date))) {
        std::cerr << fmt::format("--date '{}' phải có dạng YYYY-MM-DD\n", args.date);
        return kExitBadInput;
    }
    auto in = prepare_evaluation(args.input);
    if (!in) return in.error();
    output::DocumentRequest q{&kind,      &(*in)->result, *format, *date, args.number, kNoIndex,
                              args.award, std::nullopt,   "",      "",    nullptr};
    if (!args.unit.empty()) {
        const auto it = (*in)->data.unit_by_id.find(args.unit);
        if (it == (*in)->data.unit_by_id.end()) {
            std::cerr << fmt::format("dữ liệu không có đơn vị '{}' / no unit '{}'\n", args.unit,
                                     args.unit);
            return kExitBadInput;
        }
        q.unit = it->second;
    }
    if (auto chosen = choose_template(args, **in, q); !chosen) return chosen.error();
    auto file = output::make_document(q);
    if (!file) {
        print(file.error());
        return kExitBadInput;
    }
    if (!write_file(args.out, file->bytes)) return kExitFailure;
    std::cerr << fmt::format("đã ghi {} ({} byte)\n", args.out, file->bytes.size());
    return kExitOk;
}

int run(const DocArgs& args) {
    if (args.list) return list_kinds();
    const output::OutputKind* kind = output::find_output_kind(args.kind);
    if (kind == nullptr) {
        std::cerr << fmt::format("không có loại văn bản '{}'; các loại:\n", args.kind);
        list_kinds();
        return kExitBadInput;
    }
    if ((args.fields || args.default_template) && kind->form == nullptr) {
        std::cerr << "bảng tính không có mẫu Word / a workbook has no Word template\n";
        return kExitBadInput;
    }
    if (args.fields) return list_fields(*kind->form);
    if (args.out.empty()) {
        std::cerr << "cần --out TỆP / --out is required\n";
        return kExitBadInput;
    }
    if (args.default_template)
        return write_file(args.out, forms::default_template(kind->form->kind)) ? kExitOk
                                                                               : kExitFailure;
    if (args.input.plan.empty() || args.input.period.empty()) {
        std::cerr << "cần --plan và --period / --plan and --period are required\n";
        return kExitBadInput;
    }
    return make(args, *kind);
}

}  // namespace

std::function<int()> add_doc_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "doc",
        "Lập văn bản (tờ trình, danh sách, biên bản, quyết định, ...) và bảng tính của một kỳ");
    auto args = std::make_shared<DocArgs>();
    cmd->add_option("kind", args->kind, "Loại văn bản: xem --list");
    add_evaluation_options(*cmd, args->input, false);
    cmd->add_option("--out", args->out, "Tệp kết quả: .docx, .pdf (cần LibreOffice) hoặc .xlsx");
    cmd->add_option("--unit", args->unit, "Mã đơn vị (bản đăng ký, báo cáo thành tích)");
    cmd->add_option("--award", args->award, "Chỉ một hình thức khen thưởng (mã trong kế hoạch)");
    cmd->add_option("--date", args->date, "Ngày của văn bản, YYYY-MM-DD (mặc định hôm nay)");
    cmd->add_option("--number", args->number, "Số văn bản (mặc định để trống cho văn thư)");
    cmd->add_option("--template", args->template_file, "Mẫu .docx thay cho mẫu của kế hoạch");
    cmd->add_flag("--list", args->list, "Liệt kê các loại văn bản");
    cmd->add_flag("--fields", args->fields,
                  "Liệt kê các trường {{...}} mẫu của loại này dùng được");
    cmd->add_flag("--default-template", args->default_template,
                  "Ghi mẫu mặc định của loại này ra --out để sửa trong Word");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
