#pragma once
// A plan as its file states it: metadata, groups, periods, awards, criteria as expression text,
// dossier rules. Nothing here is compiled yet; every piece that can be wrong keeps the place in
// the file it came from, so the compiler's errors read file:line:col.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/Date.h"
#include "model/Vocabulary.h"
#include "plan/LineageRules.h"

namespace thidua {

// Where a piece of text sits in the plan file.
struct SourceRef {
    std::string file;
    int line = 0;    // 1-based
    int column = 0;  // 1-based
};

struct ExprText {
    struct Segment {
        uint32_t offset = 0;  // where a file line's content starts in `text`
        SourceRef at;         // and where that content is in the file
    };
    std::string text;
    SourceRef where;                // the first character of the text itself
    std::vector<Segment> segments;  // for scalars over several lines ('|', '>', folded plain)
};

// A body that issues or signs documents: the plan's issuer, the proposer.
struct AgencySpec {
    std::string name;          // "Ủy ban nhân dân tỉnh Kiên Giang"
    std::string unit;          // optional unit id in datasets
    std::string place;         // "Kiên Giang", for "Kiên Giang, ngày ..."
    std::string signer;        // "Nguyễn Lưu Trung"
    std::string signer_title;  // "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    std::string parent;        // the governing body (cơ quan chủ quản), "" for none
    std::string symbol;        // in document numbers: "UBND" of "125/QĐ-UBND"
    // Who acts for this body once it was dissolved (the 2025 reorganisation), from
    // `successor_from` on: documents dated from then carry the successor's heading and signature.
    std::shared_ptr<const AgencySpec> successor;
    std::optional<Date> successor_from;
};

using IssuerSpec = AgencySpec;

struct TaskAreaSpec {
    std::string id;
    std::string name;
};

struct GroupSpec {
    std::string id;
    std::string name;
    std::vector<UnitType> types;         // any of
    std::vector<std::string> tags;       // all of
    std::vector<UnitType> parent_types;  // any of
    SourceRef where;
};

struct PhaseSpec {
    std::string id;  // "2021-2025"
    Date from, to;
    std::string name;
    SourceRef where;
};

struct AnnualSpec {
    int from = 0, to = 0;
};

// Which periods an award, a deadline or a rule applies to: all annual rounds, all phases, or
// named periods.
struct PeriodSelector {
    bool annual = false;
    bool phases = false;
    std::vector<std::string> ids;
    SourceRef where;
};

struct DeadlineSpec {
    PeriodSelector periods;
    std::optional<Date> date;  // a fixed date
    int month = 0, day = 0;    // or month-day in the period's (last) year
};

struct RegistrationSpec {
    bool present = false;
    std::string description;
    std::string form;  // what the form registers, e.g. "Hoàn thành xuất sắc nhiệm vụ CCHC ..."
    int individuals_per_unit = 0;
    std::vector<DeadlineSpec> deadlines;
};

struct DefinitionSpec {
    std::string name;
    std::string label;
    ExprText expr;
    std::optional<std::pair<double, double>> range;
};

struct ScaleSpec {
    std::string name;
    std::vector<std::string> values;  // best first
    std::vector<std::string> labels;
    SourceRef where;
};

struct CriterionSpec {
    std::string id;
    std::string label;
    std::vector<std::string> groups;  // empty: every group of the award
    SourceRef groups_where;
    std::optional<ExprText> applies_to;
    ExprText rule;
    SourceRef where;
};

struct RankingKeySpec {
    std::string label;
    ExprText key;
    bool descending = true;
};

struct CapSpec {
    ExprText per;  // an expression naming a unit: `unit`, `parent`, `district`
    int max = 0;
    std::string label;
};

struct AwardGroupSpec {
    std::string group;
    std::optional<int> quota;  // nullopt: no limit
    std::optional<std::vector<RankingKeySpec>> ranking;
    std::optional<CapSpec> cap;
    SourceRef where;
};

struct DueSpec {
    enum class Kind { None, Date, AfterEvent } kind = Kind::None;
    std::optional<Date> date;
    std::string event;
    bool event_last_year = true;  // the period's last year (annual: the year itself)
    int days = 0;
    bool working_days = false;  // `days` counts working days (base/WorkingDays), not calendar days
    std::string text;           // as the plan words it, for documents
};

struct DocumentSpec {
    std::string id;
    std::string name;
    int copies = 1;
    std::vector<std::string> groups;  // empty: every proposal
    std::string note;
};

struct DossierSpec {
    bool present = false;
    std::string recipient;
    std::string via;
    std::vector<DocumentSpec> documents;
    DueSpec due;
    SourceRef where;
};

enum class AwardKind { Collective, Individual };
// "collective" / "individual", as documents and the API name them.
inline const char* award_kind_id(AwardKind k) {
    return k == AwardKind::Collective ? "collective" : "individual";
}

struct AwardSpec {
    std::string id;
    std::string name;
    AwardKind kind = AwardKind::Collective;
    PeriodSelector periods;
    std::vector<AwardGroupSpec>
        groups;                // collective: the competing groups; individual: one `ca-nhan`
    std::optional<int> total;  // "at most N in all"
    std::vector<CriterionSpec> criteria;
    std::vector<RankingKeySpec> ranking;
    std::optional<DossierSpec> dossier;  // overrides the plan's
    SourceRef where;
};

struct PreferenceSpec {
    std::string label;
    std::optional<ExprText> collective;
    std::optional<ExprText> individual;
};

struct MilestoneSpec {
    std::string id;
    std::string name;
    std::string when;  // free text: "tháng 10/2023"
    std::optional<Date> date;
};

struct CouncilMemberSpec {
    std::string name;
    std::string title;  // "Giám đốc Sở Nội vụ"
    std::string role;   // "Chủ tịch Hội đồng", "Ủy viên", "Thư ký"
};

struct CouncilSpec {
    std::string name;  // "Hội đồng Thi đua - Khen thưởng tỉnh Kiên Giang"
    std::vector<CouncilMemberSpec> members;
    std::string quorum;    // "ít nhất 2/3 tổng số thành viên Hội đồng tham dự"
    std::string approval;  // "70%"
};

// Prize money of an award as a multiple of the base salary (mức lương cơ sở).
struct RewardSpec {
    std::string award;
    double multiple = 0;
    SourceRef where;
};

struct BaseSalarySpec {
    Date from;
    long long amount = 0;  // đồng
    std::string basis;     // "Nghị định số 73/2024/NĐ-CP"
};

// What the plan's documents need beyond the rules: who proposes, the council, legal bases,
// recipients, prize money. Every part has a product default (forms/DocumentDefaults).
struct DocumentsSpec {
    AgencySpec proposer;          // signs the list and the submission; default: the issuer
    std::string authority_title;  // who decides: "Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang"
    CouncilSpec council;
    std::vector<std::string> legal_bases;  // replaces the default bases of the decision
    std::map<std::string, std::vector<std::string>> recipients;  // form id -> "Nơi nhận" lines
    std::vector<RewardSpec> rewards;
    std::vector<BaseSalarySpec> base_salary;  // added to the product's table
    std::string executors;                    // Điều 3 of the decision
    std::string fund;                         // where the prize money comes from
    SourceRef where;
};

// The `lineage:` section: how units merged or closed in a reorganisation are judged.
struct LineageSpec {
    bool stated = false;  // the plan has a `lineage:` section; otherwise the defaults below
    HistoryRule history = HistoryRule::Own;
    ClosedAward closed_units = ClosedAward::Lapse;
    std::string note;  // the plan's reason, shown with the decisions
    SourceRef where;
};

struct PlanSpec {
    std::string file;
    std::string id;
    std::string title;
    IssuerSpec issuer;
    std::string number;  // "64/KH-UBND"
    std::optional<Date> date;
    std::vector<std::string> legal_bases;
    std::string parent_plan;
    std::string theme;
    std::vector<std::string> contents;
    std::vector<TaskAreaSpec> task_areas;
    std::vector<ScaleSpec> scales;
    std::vector<GroupSpec> groups;
    std::vector<PhaseSpec> phases;
    std::optional<AnnualSpec> annual;
    RegistrationSpec registration;
    std::vector<DefinitionSpec> definitions;
    std::vector<std::string> precedence;  // collective awards, highest first
    SourceRef precedence_where;
    PreferenceSpec preference;
    std::vector<AwardSpec> awards;
    DossierSpec dossier;
    std::vector<MilestoneSpec> milestones;
    std::map<std::string, std::string> decisions;  // "Decision" notes of PLANS.md, id -> text
    // Who attests each council-judged fact (model/Vocabulary): roles "hoi-dong", "noi-vu". A fact
    // the plan does not name is attested by either (and by an administrator).
    std::map<std::string, std::vector<std::string>> judges;
    SourceRef judges_where;
    LineageSpec lineage;
    DocumentsSpec documents;
};

}  // namespace thidua
