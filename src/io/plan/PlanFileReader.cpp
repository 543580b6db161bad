#include "io/plan/PlanFileReader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "base/Text.h"
#include "io/plan/DocumentsSectionReader.h"
#include "io/plan/YamlSource.h"
#include "model/Vocabulary.h"

namespace thidua {
namespace {

// yaml-cpp throws when a scalar is indexed like a map; a plan file that puts a value where a
// table belongs must get a message from keys(), not an exception, so every lookup goes here.
YAML::Node at(const YAML::Node& n, const char* key) {
    return n.IsMap() ? n[key] : YAML::Node();
}

class PlanReader {
public:
    PlanReader(const std::string& text, const std::string& file) : m_src(text, file) {}

    tl::expected<PlanSpec, Diagnostics> run() {
        YAML::Node root;
        try {
            root = YAML::Load(m_src.text());
        } catch (const YAML::Exception& e) {
            // yaml-cpp reports syntax errors by exception; turn it into an ordinary result here.
            Diagnostic d;
            d.file = m_src.file();
            d.line = e.mark.line + 1;
            d.column = e.mark.column + 1;
            d.message = "YAML không hợp lệ: " + e.msg;
            return tl::unexpected(Diagnostics{d});
        }
        if (!root.IsMap()) {
            m_src.error(root, "tệp kế hoạch phải là một bảng khóa: giá trị (YAML mapping)");
            return tl::unexpected(m_src.errors());
        }
        try {
            read_plan(root);
        } catch (const YAML::Exception& e) {
            // A conversion yaml-cpp refuses that the checks above did not foresee.
            m_src.error(root, "cấu trúc YAML không đọc được: " + e.msg);
        }
        if (!m_src.errors().empty()) return tl::unexpected(m_src.errors());
        return std::move(m_plan);
    }

private:
    void read_plan(const YAML::Node& n) {
        m_src.keys(n, {"id",          "title",       "issuer",  "number",       "date",
                       "legal_bases", "parent_plan", "theme",   "contents",     "task_areas",
                       "scales",      "groups",      "periods", "registration", "definitions",
                       "precedence",  "preference",  "dossier", "awards",       "milestones",
                       "decisions",   "documents",   "judges",  "lineage"},
                   {"id", "title", "issuer", "periods", "awards"});
        m_plan.file = m_src.file();
        m_plan.id = m_src.id(at(n, "id"));
        m_plan.title = m_src.str(at(n, "title"));
        read_issuer(at(n, "issuer"));
        m_plan.number = m_src.str(at(n, "number"));
        m_plan.date = m_src.date(at(n, "date"));
        m_plan.legal_bases = m_src.strings(at(n, "legal_bases"));
        m_plan.parent_plan = m_src.str(at(n, "parent_plan"));
        m_plan.theme = m_src.str(at(n, "theme"));
        m_plan.contents = m_src.strings(at(n, "contents"));
        for (const auto& t : m_src.seq(at(n, "task_areas"))) {
            m_src.keys(t, {"id", "name"}, {"id", "name"});
            m_plan.task_areas.push_back({m_src.id(at(t, "id")), m_src.str(at(t, "name"))});
        }
        for (const auto& s : m_src.seq(at(n, "scales")))
            read_scale(s);
        for (const auto& g : m_src.seq(at(n, "groups")))
            read_group(g);
        read_periods(at(n, "periods"));
        read_registration(at(n, "registration"));
        for (const auto& d : m_src.seq(at(n, "definitions")))
            read_definition(d);
        m_plan.precedence = m_src.ids(at(n, "precedence"));
        m_plan.precedence_where = m_src.where(at(n, "precedence"));
        read_preference(at(n, "preference"));
        if (at(n, "dossier")) m_plan.dossier = read_dossier(at(n, "dossier"));
        for (const auto& a : m_src.seq(at(n, "awards")))
            read_award(a);
        for (const auto& m : m_src.seq(at(n, "milestones"))) {
            m_src.keys(m, {"id", "name", "when", "date"}, {"id", "name"});
            m_plan.milestones.push_back({m_src.id(at(m, "id")), m_src.str(at(m, "name")),
                                         m_src.str(at(m, "when")), m_src.date(at(m, "date"))});
        }
        if (at(n, "decisions")) {
            if (!at(n, "decisions").IsMap())
                m_src.error(at(n, "decisions"), "'decisions' phải là bảng khóa: nội dung");
            else
                for (const auto& kv : at(n, "decisions"))
                    m_plan.decisions[kv.first.Scalar()] = m_src.str(kv.second);
        }
        m_plan.documents = read_documents_section(m_src, at(n, "documents"));
        read_judges(at(n, "judges"));
        read_lineage(at(n, "lineage"));
    }

    void read_lineage(const YAML::Node& n) {
        if (!n) return;
        LineageSpec& l = m_plan.lineage;
        l.stated = true;
        l.where = m_src.where(n);
        m_src.keys(n, {"history", "closed_units", "note"}, {"history", "closed_units"});
        if (const YAML::Node h = at(n, "history")) {
            if (auto rule = parse_history_rule(m_src.str(h)))
                l.history = *rule;
            else
                m_src.error(h, "'history' là một trong: own, main, all, weighted");
        }
        if (const YAML::Node c = at(n, "closed_units")) {
            if (auto rule = parse_closed_award(m_src.str(c)))
                l.closed_units = *rule;
            else
                m_src.error(c,
                            "'closed_units' là successor (chuyển cho đơn vị kế thừa) hoặc "
                            "lapse (không xét)");
        }
        l.note = m_src.str(at(n, "note"));
    }

    void read_judges(const YAML::Node& n) {
        if (!n) return;
        m_plan.judges_where = m_src.where(n);
        if (!n.IsMap()) {
            m_src.error(n, "'judges' phải là bảng: nội dung -> [vai trò]");
            return;
        }
        for (const auto& kv : n) {
            const std::string fact = kv.first.Scalar();
            if (!council_judged_fact(fact))
                m_src.error(kv.first,
                            "'" + fact +
                                "' không phải nội dung Hội đồng xét (head_leads, compliance, "
                                "excellent_achievement, excellent_par, ethics_ok)");
            std::vector<std::string> roles = m_src.ids(kv.second);
            for (const std::string& role : roles)
                if (role != "hoi-dong" && role != "noi-vu")
                    m_src.error(
                        kv.second,
                        "vai trò xác nhận là hoi-dong hoặc noi-vu, không phải '" + role + "'");
            if (roles.empty()) m_src.error(kv.second, "cần ít nhất một vai trò");
            m_plan.judges[fact] = std::move(roles);
        }
    }

    void read_issuer(const YAML::Node& n) {
        if (!n) return;
        m_plan.issuer = read_agency(m_src, n, true);
    }

    void read_scale(const YAML::Node& n) {
        m_src.keys(n, {"name", "values", "labels"}, {"name", "values"});
        ScaleSpec s{m_src.id(at(n, "name")), m_src.ids(at(n, "values")),
                    m_src.strings(at(n, "labels")), m_src.where(n)};
        if (!s.labels.empty() && s.labels.size() != s.values.size())
            m_src.error(at(n, "labels"), "số nhãn phải bằng số giá trị của thang");
        m_plan.scales.push_back(std::move(s));
    }

    void read_group(const YAML::Node& n) {
        m_src.keys(n, {"id", "name", "types", "tags", "parent_types"}, {"id", "name"});
        GroupSpec g;
        g.id = m_src.id(at(n, "id"));
        g.name = m_src.str(at(n, "name"));
        g.types = m_src.unit_types(at(n, "types"));
        g.tags = m_src.ids(at(n, "tags"));
        g.parent_types = m_src.unit_types(at(n, "parent_types"));
        g.where = m_src.where(n);
        if (g.types.empty() && g.tags.empty())
            m_src.error(n, fmt::format("nhóm '{}' cần 'types' hoặc 'tags' để chọn đơn vị", g.id));
        m_plan.groups.push_back(std::move(g));
    }

    void read_periods(const YAML::Node& n) {
        if (!n) return;
        m_src.keys(n, {"phases", "annual"}, {});
        for (const auto& p : m_src.seq(at(n, "phases"))) {
            m_src.keys(p, {"id", "from", "to", "name"}, {"id", "from", "to"});
            PhaseSpec phase;
            phase.id = m_src.id(at(p, "id"));
            phase.name = m_src.str(at(p, "name"));
            phase.where = m_src.where(p);
            auto from = m_src.date(at(p, "from"));
            auto to = m_src.date(at(p, "to"));
            if (from && to) {
                phase.from = *from;
                phase.to = *to;
                if (*to < *from) m_src.error(at(p, "to"), "ngày kết thúc trước ngày bắt đầu");
            }
            m_plan.phases.push_back(std::move(phase));
        }
        if (const YAML::Node a = at(n, "annual")) {
            m_src.keys(a, {"from", "to"}, {"from", "to"});
            AnnualSpec annual{m_src.integer(at(a, "from")).value_or(0),
                              m_src.integer(at(a, "to")).value_or(0)};
            if (annual.to < annual.from) m_src.error(a, "năm kết thúc trước năm bắt đầu");
            m_plan.annual = annual;
        }
        if (m_plan.phases.empty() && !m_plan.annual)
            m_src.error(
                n, "kế hoạch cần ít nhất một giai đoạn ('phases') hoặc kỳ hằng năm ('annual')");
    }

    void read_registration(const YAML::Node& n) {
        if (!n) return;
        m_src.keys(n, {"description", "form", "individuals_per_unit", "deadlines"}, {});
        RegistrationSpec& r = m_plan.registration;
        r.present = true;
        r.description = m_src.str(at(n, "description"));
        r.form = m_src.str(at(n, "form"));
        r.individuals_per_unit = m_src.integer(at(n, "individuals_per_unit")).value_or(0);
        for (const auto& d : m_src.seq(at(n, "deadlines"))) {
            m_src.keys(d, {"periods", "date", "day"}, {"periods"});
            DeadlineSpec deadline;
            deadline.periods = m_src.periods(at(d, "periods"));
            if (at(d, "date")) deadline.date = m_src.date(at(d, "date"));
            if (at(d, "day")) {
                const std::string md = m_src.str(at(d, "day"));
                if (md.size() != 5 || md[2] != '-' ||
                    std::sscanf(md.c_str(), "%d-%d", &deadline.month, &deadline.day) != 2 ||
                    !Date::from_ymd(2024, deadline.month, deadline.day))
                    m_src.error(
                        at(d, "day"),
                        fmt::format("'day' phải có dạng MM-DD (ví dụ 03-30), gặp '{}'", md));
            }
            if (!at(d, "date") && !at(d, "day"))
                m_src.error(d, "hạn đăng ký cần 'date' (YYYY-MM-DD) hoặc 'day' (MM-DD)");
            r.deadlines.push_back(std::move(deadline));
        }
    }

    void read_definition(const YAML::Node& n) {
        m_src.keys(n, {"name", "label", "expr", "range"}, {"name", "expr"});
        DefinitionSpec d;
        d.name = m_src.id(at(n, "name"));
        d.label = m_src.str(at(n, "label"));
        d.expr = m_src.expr(at(n, "expr"));
        if (const YAML::Node r = at(n, "range")) {
            if (!r.IsSequence() || r.size() != 2)
                m_src.error(r, "'range' phải là [nhỏ nhất, lớn nhất]");
            else
                d.range =
                    std::make_pair(m_src.number(r[0]).value_or(0), m_src.number(r[1]).value_or(0));
        }
        m_plan.definitions.push_back(std::move(d));
    }

    void read_preference(const YAML::Node& n) {
        if (!n) return;
        m_src.keys(n, {"label", "collective", "individual"}, {});
        m_plan.preference.label = m_src.str(at(n, "label"));
        if (at(n, "collective")) m_plan.preference.collective = m_src.expr(at(n, "collective"));
        if (at(n, "individual")) m_plan.preference.individual = m_src.expr(at(n, "individual"));
    }

    DossierSpec read_dossier(const YAML::Node& n) {
        m_src.keys(n, {"recipient", "via", "documents", "due"}, {"documents"});
        DossierSpec d;
        d.present = true;
        d.where = m_src.where(n);
        d.recipient = m_src.str(at(n, "recipient"));
        d.via = m_src.str(at(n, "via"));
        for (const auto& doc : m_src.seq(at(n, "documents"))) {
            m_src.keys(doc, {"id", "name", "copies", "groups", "note"}, {"id", "name"});
            DocumentSpec spec{m_src.id(at(doc, "id")), m_src.str(at(doc, "name")),
                              m_src.integer(at(doc, "copies")).value_or(1),
                              m_src.ids(at(doc, "groups")), m_src.str(at(doc, "note"))};
            if (spec.copies < 1) m_src.error(at(doc, "copies"), "số bản phải từ 1 trở lên");
            d.documents.push_back(std::move(spec));
        }
        d.due = read_due(at(n, "due"));
        return d;
    }

    DueSpec read_due(const YAML::Node& n) {
        DueSpec due;
        if (!n || n.IsNull()) return due;
        m_src.keys(n, {"date", "after_event", "days", "working_days", "year", "text"}, {});
        due.text = m_src.str(at(n, "text"));
        if (at(n, "date")) {
            due.kind = DueSpec::Kind::Date;
            due.date = m_src.date(at(n, "date"));
        } else if (at(n, "after_event")) {
            due.kind = DueSpec::Kind::AfterEvent;
            due.event = m_src.id(at(n, "after_event"));
            if (at(n, "days") && at(n, "working_days"))
                m_src.error(at(n, "working_days"),
                            "chỉ ghi một trong 'days' (ngày) hoặc 'working_days' (ngày làm việc)");
            due.working_days = static_cast<bool>(at(n, "working_days"));
            const YAML::Node count = due.working_days ? at(n, "working_days") : at(n, "days");
            due.days = m_src.integer(count).value_or(0);
            if (due.days < 0) m_src.error(count, "số ngày phải từ 0 trở lên");
            const std::string year = at(n, "year") ? m_src.str(at(n, "year")) : "last";
            if (year != "last")
                m_src.error(at(n, "year"), "'year' chỉ nhận 'last' (năm cuối của kỳ)");
        } else if (!at(n, "text")) {
            m_src.error(n,
                        "hạn nộp cần 'date' hoặc 'after_event' (kèm 'days' hoặc 'working_days')");
        }
        return due;
    }

    void read_award(const YAML::Node& n) {
        m_src.keys(n,
                   {"id", "name", "kind", "periods", "groups", "quota", "cap", "total", "criteria",
                    "ranking", "dossier"},
                   {"id", "name", "kind", "periods", "criteria"});
        AwardSpec a;
        a.id = m_src.id(at(n, "id"));
        a.name = m_src.str(at(n, "name"));
        a.where = m_src.where(n);
        const std::string kind = m_src.str(at(n, "kind"));
        if (kind == "individual")
            a.kind = AwardKind::Individual;
        else if (kind != "collective")
            m_src.error(
                at(n, "kind"),
                fmt::format(
                    "'kind' phải là collective (tập thể) hoặc individual (cá nhân), gặp '{}'",
                    kind));
        a.periods = m_src.periods(at(n, "periods"));
        if (at(n, "total")) a.total = m_src.integer(at(n, "total"));
        if (a.kind == AwardKind::Collective)
            read_award_groups(n, a);
        else
            read_individual_group(n, a);
        for (const auto& c : m_src.seq(at(n, "criteria")))
            a.criteria.push_back(read_criterion(c));
        a.ranking = read_ranking(at(n, "ranking"));
        if (at(n, "dossier")) a.dossier = read_dossier(at(n, "dossier"));
        m_plan.awards.push_back(std::move(a));
    }

    void read_award_groups(const YAML::Node& n, AwardSpec& a) {
        if (at(n, "quota") || at(n, "cap"))
            m_src.error(at(n, "quota") ? at(n, "quota") : at(n, "cap"),
                        "khen thưởng tập thể ghi chỉ tiêu trong 'groups' theo từng nhóm");
        const YAML::Node groups = at(n, "groups");
        if (!groups || !groups.IsMap()) {
            m_src.error(groups ? groups : n, "khen thưởng tập thể cần 'groups': nhóm: chỉ tiêu");
            return;
        }
        for (const auto& kv : groups) {
            AwardGroupSpec g;
            g.group = kv.first.Scalar();
            g.where = m_src.where(kv.first);
            const YAML::Node v = kv.second;
            if (v.IsMap()) {
                m_src.keys(v, {"quota", "ranking", "cap"}, {});
                g.quota = m_src.quota(at(v, "quota"));
                if (at(v, "ranking")) g.ranking = read_ranking(at(v, "ranking"));
                if (at(v, "cap")) g.cap = read_cap(at(v, "cap"));
            } else {
                g.quota = m_src.quota(v);
            }
            a.groups.push_back(std::move(g));
        }
    }

    void read_individual_group(const YAML::Node& n, AwardSpec& a) {
        if (at(n, "groups"))
            m_src.error(at(n, "groups"),
                        "khen thưởng cá nhân không chia nhóm; dùng 'quota' và 'cap'");
        AwardGroupSpec g;
        g.group = "ca-nhan";
        g.where = m_src.where(n);
        g.quota = m_src.quota(at(n, "quota"));
        if (at(n, "cap")) g.cap = read_cap(at(n, "cap"));
        a.groups.push_back(std::move(g));
    }

    CapSpec read_cap(const YAML::Node& n) {
        m_src.keys(n, {"per", "max", "label"}, {"per", "max"});
        CapSpec cap;
        cap.per = m_src.expr(at(n, "per"));
        cap.max = m_src.integer(at(n, "max")).value_or(0);
        cap.label = m_src.str(at(n, "label"));
        if (cap.max < 1) m_src.error(at(n, "max"), "'max' phải từ 1 trở lên");
        return cap;
    }

    CriterionSpec read_criterion(const YAML::Node& n) {
        m_src.keys(n, {"id", "label", "groups", "applies_to", "rule"}, {"id", "label", "rule"});
        CriterionSpec c;
        c.id = m_src.id(at(n, "id"));
        c.label = m_src.str(at(n, "label"));
        c.groups = m_src.ids(at(n, "groups"));
        c.groups_where = m_src.where(at(n, "groups") ? at(n, "groups") : n);
        if (at(n, "applies_to")) c.applies_to = m_src.expr(at(n, "applies_to"));
        c.rule = m_src.expr(at(n, "rule"));
        c.where = m_src.where(n);
        return c;
    }

    std::vector<RankingKeySpec> read_ranking(const YAML::Node& n) {
        std::vector<RankingKeySpec> keys;
        for (const auto& k : m_src.seq(n)) {
            m_src.keys(k, {"label", "key", "order"}, {"label", "key"});
            RankingKeySpec key{m_src.str(at(k, "label")), m_src.expr(at(k, "key")), true};
            if (at(k, "order")) {
                const std::string order = m_src.str(at(k, "order"));
                if (order == "asc")
                    key.descending = false;
                else if (order != "desc")
                    m_src.error(
                        at(k, "order"),
                        fmt::format("'order' là desc (lớn trước) hoặc asc (nhỏ trước), gặp '{}'",
                                    order));
            }
            keys.push_back(std::move(key));
        }
        return keys;
    }

    YamlSource m_src;
    PlanSpec m_plan;
};

// Names the first line that is not UTF-8, so the user knows where the legacy text is.
Diagnostic not_utf8(const std::string& text, const std::string& file_name) {
    Diagnostic d;
    d.file = file_name;
    d.line = 1;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (!is_valid_utf8(std::string_view(text).substr(start, end - start))) break;
        ++d.line;
        start = end + 1;
    }
    d.message = "tệp kế hoạch phải là văn bản UTF-8 (dòng này có byte không hợp lệ)";
    d.message_en = "a plan file must be UTF-8 text (this line has invalid bytes)";
    return d;
}

}  // namespace

tl::expected<PlanSpec, Diagnostics> read_plan_text(const std::string& text,
                                                   const std::string& file_name) {
    if (!is_valid_utf8(text)) return tl::unexpected(Diagnostics{not_utf8(text, file_name)});
    return PlanReader(text, file_name).run();
}

tl::expected<PlanSpec, Diagnostics> read_plan_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return tl::unexpected(Diagnostics{Diagnostic::about_file(
            path.string(), "không mở được tệp kế hoạch", "cannot open the plan file")});
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return read_plan_text(buffer.str(), path.string());
}

}  // namespace thidua
