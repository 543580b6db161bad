#include "io/plan/DocumentsSectionReader.h"

#include <fmt/format.h>

#include "forms/FormKind.h"

namespace thidua {
namespace {

YAML::Node at(const YAML::Node& n, const char* key) {
    return n.IsMap() ? n[key] : YAML::Node();
}

CouncilSpec read_council(YamlSource& src, const YAML::Node& n) {
    CouncilSpec c;
    if (!n) return c;
    src.keys(n, {"name", "members", "quorum", "approval"}, {});
    c.name = src.str(at(n, "name"));
    c.quorum = src.str(at(n, "quorum"));
    c.approval = src.str(at(n, "approval"));
    for (const YAML::Node& m : src.seq(at(n, "members"))) {
        src.keys(m, {"name", "title", "role"}, {"name"});
        c.members.push_back(
            {src.str(at(m, "name")), src.str(at(m, "title")), src.str(at(m, "role"))});
    }
    return c;
}

std::map<std::string, std::vector<std::string>> read_recipients(YamlSource& src,
                                                                const YAML::Node& n) {
    std::map<std::string, std::vector<std::string>> out;
    if (!n) return out;
    if (!n.IsMap()) {
        src.error(n, "'recipients' phải là bảng: mã văn bản: [nơi nhận, ...]");
        return out;
    }
    for (const auto& kv : n) {
        const std::string form = kv.first.Scalar();
        if (forms::find_form(form) == nullptr) {
            src.error(kv.first, fmt::format("'{}' không phải mã văn bản (dang-ky-thi-dua, "
                                            "danh-sach-de-nghi, to-trinh, bien-ban-hoi-dong, "
                                            "bao-cao-thanh-tich, quyet-dinh)",
                                            form));
            continue;
        }
        out[form] = src.strings(kv.second);
    }
    return out;
}

std::vector<RewardSpec> read_rewards(YamlSource& src, const YAML::Node& n) {
    std::vector<RewardSpec> out;
    if (!n) return out;
    if (!n.IsMap()) {
        src.error(n, "'rewards' phải là bảng: mã hình thức khen thưởng: hệ số lương cơ sở");
        return out;
    }
    for (const auto& kv : n) {
        const std::optional<double> multiple = src.number(kv.second);
        if (multiple && *multiple < 0) src.error(kv.second, "hệ số tiền thưởng không được âm");
        out.push_back({kv.first.Scalar(), multiple.value_or(0), src.where(kv.first)});
    }
    return out;
}

std::vector<BaseSalarySpec> read_base_salary(YamlSource& src, const YAML::Node& n) {
    std::vector<BaseSalarySpec> out;
    for (const YAML::Node& b : src.seq(n)) {
        src.keys(b, {"from", "amount", "basis"}, {"from", "amount"});
        const std::optional<Date> from = src.date(at(b, "from"));
        const std::optional<double> amount = src.number(at(b, "amount"));
        if (amount && *amount <= 0) src.error(at(b, "amount"), "mức lương cơ sở phải dương");
        if (from && amount)
            out.push_back({*from, static_cast<long long>(*amount), src.str(at(b, "basis"))});
    }
    return out;
}

}  // namespace

AgencySpec read_agency(YamlSource& src, const YAML::Node& n, bool with_successor) {
    AgencySpec a;
    if (!n) return a;
    if (with_successor)
        src.keys(
            n, {"name", "unit", "place", "signer", "signer_title", "parent", "symbol", "successor"},
            {"name"});
    else
        src.keys(n, {"name", "unit", "place", "signer", "signer_title", "parent", "symbol", "from"},
                 {"name", "from"});
    a.name = src.str(at(n, "name"));
    a.unit = src.str(at(n, "unit"));
    a.place = src.str(at(n, "place"));
    a.signer = src.str(at(n, "signer"));
    a.signer_title = src.str(at(n, "signer_title"));
    a.parent = src.str(at(n, "parent"));
    a.symbol = src.str(at(n, "symbol"));
    if (const YAML::Node s = at(n, "successor"); s && with_successor) {
        // One step: a successor's own successor is a later plan version's business.
        auto successor = std::make_shared<AgencySpec>(read_agency(src, s, false));
        a.successor_from = src.date(at(s, "from"));
        a.successor = std::move(successor);
    }
    return a;
}

DocumentsSpec read_documents_section(YamlSource& src, const YAML::Node& n) {
    DocumentsSpec d;
    if (!n) return d;
    src.keys(n,
             {"proposer", "authority_title", "council", "legal_bases", "recipients", "rewards",
              "base_salary", "executors", "fund"},
             {});
    d.where = src.where(n);
    d.proposer = read_agency(src, at(n, "proposer"), true);
    d.authority_title = src.str(at(n, "authority_title"));
    d.council = read_council(src, at(n, "council"));
    d.legal_bases = src.strings(at(n, "legal_bases"));
    d.recipients = read_recipients(src, at(n, "recipients"));
    d.rewards = read_rewards(src, at(n, "rewards"));
    d.base_salary = read_base_salary(src, at(n, "base_salary"));
    d.executors = src.str(at(n, "executors"));
    d.fund = src.str(at(n, "fund"));
    return d;
}

}  // namespace thidua
