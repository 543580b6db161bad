// The officers' XLSX exports: the registration board (eval/RegistrationBoard and its workbook),
// the dossier board and the yearly results that re-import as a dataset. Expectations come from
// the sample CSV files and the scenario notes, counted by hand; workbooks are read back with the
// project's own XLSX reader (io/xlsx), fills and panes from the sheet and style XML.

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "FullDataset.h"
#include "TestDataset.h"
#include "WorkbookCells.h"
#include "eval/Evaluator.h"
#include "eval/RegistrationBoard.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"
#include "present/DossierBoardXlsx.h"
#include "present/RegistrationBoardXlsx.h"
#include "present/YearlyResultsXlsx.h"

using namespace thidua;
using namespace thidua::testing_support;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = THIDUA_SOURCE_DIR;

// A plan and a dataset evaluated for one period; not copied, as the result points into both.
class Evaluated {
public:
    Evaluated(std::shared_ptr<const CompiledPlan> plan, Dataset data, const std::string& period)
        : m_plan(std::move(plan)), m_data(std::move(data)) {
        const std::optional<Period> p = find_period(m_plan->spec, period);
        if (!p) {
            ADD_FAILURE() << "no period " << period;
            return;
        }
        result = evaluate(*m_plan, m_data, *p);
    }
    Evaluated(const Evaluated&) = delete;

    const Dataset& data() const { return m_data; }
    EvaluationResult result;

private:
    std::shared_ptr<const CompiledPlan> m_plan;
    Dataset m_data;
};

std::shared_ptr<const CompiledPlan> plan_file(const std::string& id) {
    auto plan = load_plan(kSource / "plans" / (id + ".yaml"));
    if (!plan) ADD_FAILURE() << plan.error().front().format();
    return plan ? *plan : nullptr;
}

std::shared_ptr<const CompiledPlan> plan_text(const std::string& text) {
    auto plan = load_plan_text(text, "demo.yaml");
    if (!plan) ADD_FAILURE() << plan.error().front().format();
    return plan ? *plan : nullptr;
}

Dataset dataset(const fs::path& path) {
    auto data = read_dataset_path(path);
    if (!data) ADD_FAILURE() << data.error().front().format();
    return data ? std::move(*data) : Dataset{};
}

// ---------------------------------------------------------------- a hand-built plan and data

// Two groups, a collective and an individual award whose only criterion is `registered`, a
// deadline for 2023 only (2024 has none), and a dossier due 2023-04-15.
const char* kDemoPlan = R"(id: demo
title: Kế hoạch thử đăng ký
issuer: {name: UBND tỉnh}
groups:
  - {id: so, name: Các sở, types: [department]}
  - {id: huyen, name: Các huyện, types: [district]}
periods:
  annual: {from: 2023, to: 2024}
registration:
  deadlines:
    - {periods: ["2023"], date: 2023-03-30}
dossier:
  documents:
    - {id: to-trinh, name: Tờ trình, copies: 1}
    - {id: bao-cao, name: Báo cáo thành tích, copies: 2}
    - {id: qd-huyen, name: Quyết định của huyện, copies: 1, groups: [huyen]}
  due: {date: 2023-04-15}
awards:
  - id: bk
    name: Bằng khen tập thể
    kind: collective
    periods: annual
    groups: {so: null, huyen: null}
    criteria:
      - {id: reg, label: Đăng ký đúng hạn, rule: registered}
  - id: bk-cn
    name: Bằng khen cá nhân
    kind: individual
    periods: annual
    quota: null
    criteria:
      - {id: reg, label: Đăng ký đúng hạn, rule: registered}
)";

std::string without_registration(std::string plan) {
    const size_t from = plan.find("registration:");
    const size_t to = plan.find("dossier:");
    return plan.erase(from, to - from);
}

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

// Units D1-D4 (departments), H1 (district); people P1 in D1, P2 in D2. For 2023 (deadline
// 2023-03-30): D1 on the deadline day (on time), D2 a day late, D3 nothing, D4 late then early
// (the earliest counts: on time), H1 only for 2024; P1 on time, P2 nothing. For 2024 (no
// deadline): H1 registered.
Dataset demo_data() {
    TestDataset t(2023, 2);
    for (const char* id : {"D1", "D2", "D3", "D4"})
        t.unit(id, UnitType::Department);
    t.unit("H1", UnitType::District);
    t.person("P1", 0);
    t.person("P2", 1);
    Dataset d = std::move(t.data());
    d.units[0].name = "Sở Một";
    d.people.name[0] = "Nguyễn Thị Một";
    d.has_registrations = true;
    auto reg = [&](SubjectKind kind, Index i, const char* period, const char* on) {
        d.registrations.push_back({{kind, i}, period, day(on), false, {}});
    };
    reg(SubjectKind::Unit, 0, "2023", "2023-03-30");
    reg(SubjectKind::Unit, 1, "2023", "2023-03-31");
    reg(SubjectKind::Unit, 3, "2023", "2023-04-02");
    reg(SubjectKind::Unit, 3, "2023", "2023-03-01");
    reg(SubjectKind::Unit, 4, "2024", "2024-05-01");
    reg(SubjectKind::Person, 0, "2023", "2023-03-20");
    // Dossier papers for 2023: D1 its tờ trình late and one of two reports; D4 everything.
    d.has_dossiers = true;
    auto paper = [&](Index unit, const char* doc, int copies, const char* on) {
        d.dossiers.push_back({{SubjectKind::Unit, unit}, "bk", "2023", doc, copies, day(on)});
    };
    paper(0, "to-trinh", 1, "2023-04-20");
    paper(0, "bao-cao", 1, "2023-04-01");
    paper(3, "to-trinh", 1, "2023-04-01");
    paper(3, "bao-cao", 2, "2023-04-02");
    return d;
}

const RegistrationRow* row_for(const RegistrationBoard& b, const Dataset& d, const char* id) {
    for (const RegistrationRow& r : b.rows) {
        const std::string& rid = r.subject.kind == SubjectKind::Unit
                                     ? d.units[static_cast<size_t>(r.subject.index)].id
                                     : d.people.id[static_cast<size_t>(r.subject.index)];
        if (rid == id) return &r;
    }
    return nullptr;
}

std::optional<RegistrationStatus> status_of(const RegistrationBoard& b, const Dataset& d,
                                            const char* id) {
    const RegistrationRow* r = row_for(b, d, id);
    return r ? std::optional(r->status) : std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------- registration board

TEST(RegistrationBoard, StatusRule) {
    const Date deadline = day("2023-03-30");
    EXPECT_EQ(registration_status(std::nullopt, deadline), RegistrationStatus::Missing);
    EXPECT_EQ(registration_status(std::nullopt, std::nullopt), RegistrationStatus::Missing);
    EXPECT_EQ(registration_status(deadline, deadline), RegistrationStatus::OnTime);
    EXPECT_EQ(registration_status(day("2023-03-31"), deadline), RegistrationStatus::Late);
    EXPECT_EQ(registration_status(day("2023-03-31"), std::nullopt), RegistrationStatus::Registered);
    EXPECT_STREQ(registration_status_id(RegistrationStatus::OnTime), "on_time");
    EXPECT_STREQ(registration_status_id(RegistrationStatus::Missing), "missing");
}

TEST(RegistrationBoard, HandBuiltDatasetHasEachStatus) {
    Evaluated e(plan_text(kDemoPlan), demo_data(), "2023");
    const RegistrationBoard b = registration_board(e.result);
    ASSERT_TRUE(b.listed());
    ASSERT_TRUE(b.deadline);
    EXPECT_EQ(b.deadline->iso(), "2023-03-30");
    ASSERT_EQ(b.rows.size(), 7u);  // 5 units, 2 people
    const Dataset& d = e.data();
    EXPECT_EQ(status_of(b, d, "D1"), RegistrationStatus::OnTime);
    EXPECT_EQ(status_of(b, d, "D2"), RegistrationStatus::Late);
    EXPECT_EQ(status_of(b, d, "D3"), RegistrationStatus::Missing);
    EXPECT_EQ(status_of(b, d, "D4"), RegistrationStatus::OnTime);
    EXPECT_EQ(row_for(b, d, "D4")->registered_on->iso(), "2023-03-01");
    EXPECT_EQ(status_of(b, d, "H1"), RegistrationStatus::Missing);  // registered for 2024 only
    EXPECT_EQ(status_of(b, d, "P1"), RegistrationStatus::OnTime);
    EXPECT_EQ(status_of(b, d, "P2"), RegistrationStatus::Missing);
    EXPECT_EQ(row_for(b, d, "P2")->unit, 1);  // D2

    // Units by group (so, then huyen), then the people.
    std::vector<std::string> order;
    for (const RegistrationRow& r : b.rows)
        order.push_back(r.subject.kind == SubjectKind::Unit
                            ? d.units[static_cast<size_t>(r.subject.index)].id
                            : d.people.id[static_cast<size_t>(r.subject.index)]);
    EXPECT_EQ(order, (std::vector<std::string>{"D1", "D2", "D3", "D4", "H1", "P1", "P2"}));
    ASSERT_EQ(row_for(b, d, "D1")->groups.size(), 1u);
    EXPECT_EQ(row_for(b, d, "D1")->groups[0]->name, "Các sở");

    ASSERT_EQ(b.groups.size(), 3u);
    EXPECT_EQ(b.groups[0].group->id, "so");
    EXPECT_EQ(b.groups[0].counts[RegistrationStatus::OnTime], 2);
    EXPECT_EQ(b.groups[0].counts[RegistrationStatus::Late], 1);
    EXPECT_EQ(b.groups[0].counts[RegistrationStatus::Missing], 1);
    EXPECT_EQ(b.groups[1].group->id, "huyen");
    EXPECT_EQ(b.groups[1].counts[RegistrationStatus::Missing], 1);
    EXPECT_EQ(b.groups[2].group, nullptr);  // the people
    EXPECT_EQ(b.groups[2].counts[RegistrationStatus::OnTime], 1);
    EXPECT_EQ(b.groups[2].counts[RegistrationStatus::Missing], 1);
    EXPECT_EQ(b.totals[RegistrationStatus::OnTime], 3);
    EXPECT_EQ(b.totals[RegistrationStatus::Late], 1);
    EXPECT_EQ(b.totals[RegistrationStatus::Missing], 3);
    EXPECT_EQ(b.totals.total(), 7);
}

TEST(RegistrationBoard, NoDeadlineMeansRegistered) {
    Evaluated e(plan_text(kDemoPlan), demo_data(), "2024");
    const RegistrationBoard b = registration_board(e.result);
    EXPECT_FALSE(b.deadline);
    EXPECT_EQ(status_of(b, e.data(), "H1"), RegistrationStatus::Registered);
    EXPECT_EQ(status_of(b, e.data(), "D1"), RegistrationStatus::Missing);
    EXPECT_EQ(b.totals[RegistrationStatus::Registered], 1);
    EXPECT_EQ(b.totals[RegistrationStatus::Missing], 6);
}

TEST(RegistrationBoard, PlanWithoutRegistrationListsNobody) {
    Evaluated e(plan_text(without_registration(kDemoPlan)), demo_data(), "2023");
    const RegistrationBoard b = registration_board(e.result);
    EXPECT_FALSE(b.plan_has_registration);
    EXPECT_FALSE(b.listed());
    EXPECT_TRUE(b.rows.empty());
    EXPECT_EQ(b.totals[RegistrationStatus::Missing], 0);

    TempDir dir("thidua-board-noreg");
    ASSERT_TRUE(write_registration_board_xlsx(b, e.result, dir.path() / "dk.xlsx"));
    Workbook book(dir.path() / "dk.xlsx");
    const Cells cells = book.cells("Đăng ký");
    EXPECT_NE(at(cells, 3, 0).find("không có phần đăng ký"), std::string::npos) << at(cells, 3, 0);
    EXPECT_EQ(at(cells, 4, 0), "STT");
    EXPECT_EQ(at(cells, 5, 0), "");  // no rows
}

TEST(RegistrationBoard, DatasetWithoutRegistrationsListsNobody) {
    Dataset d = demo_data();
    d.registrations.clear();
    d.has_registrations = false;
    Evaluated e(plan_text(kDemoPlan), std::move(d), "2023");
    const RegistrationBoard b = registration_board(e.result);
    EXPECT_TRUE(b.plan_has_registration);
    EXPECT_FALSE(b.data_has_registrations);
    EXPECT_TRUE(b.rows.empty());
}

TEST(RegistrationBoardXlsx, HandBuiltWorkbookCells) {
    Evaluated e(plan_text(kDemoPlan), demo_data(), "2023");
    const RegistrationBoard b = registration_board(e.result);
    TempDir dir("thidua-board-demo");
    const fs::path path = dir.path() / "dk.xlsx";
    auto written = write_registration_board_xlsx(b, e.result, path);
    ASSERT_TRUE(written) << written.error();
    Workbook book(path);
    EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Đăng ký", "Tổng hợp"}));
    const Cells cells = book.cells("Đăng ký");
    EXPECT_EQ(at(cells, 1, 0), "Kế hoạch thử đăng ký");
    EXPECT_EQ(at(cells, 2, 0), "Kỳ 2023 · hạn đăng ký 30/03/2023");
    EXPECT_EQ(row_texts(cells, 4),
              (std::vector<std::string>{"STT", "Nhóm", "Mã", "Tên đơn vị / Họ và tên", "Đơn vị",
                                        "Loại", "Ngày đăng ký", "Hạn", "Tình trạng"}));
    // D1: registered on the deadline day.
    EXPECT_EQ(row_texts(cells, 5),
              (std::vector<std::string>{"1", "Các sở", "D1", "Sở Một", "Tập thể", "2023-03-30",
                                        "2023-03-30", "Đúng hạn"}));
    EXPECT_EQ(at(cells, 6, 8), "Trễ hạn");       // D2
    EXPECT_EQ(at(cells, 7, 6), "");              // D3: no date
    EXPECT_EQ(at(cells, 7, 8), "Chưa đăng ký");  // D3
    // P2: a person, with the unit's name.
    const int p2 = row_of(cells, 2, "P2");
    ASSERT_GT(p2, 0);
    EXPECT_EQ(at(cells, p2, 1), "Cá nhân");
    EXPECT_EQ(at(cells, p2, 4), "D2");
    EXPECT_EQ(at(cells, p2, 5), "Cá nhân");

    // Real dates: without the styles the cells are serial numbers (2023-03-30 is day 45015).
    const Cells raw = book.cells("Đăng ký", false);
    EXPECT_EQ(at(raw, 5, 6), "45015");
    EXPECT_EQ(at(raw, 5, 7), "45015");

    EXPECT_EQ(book.fill("Đăng ký", "I5"), "FFC6EFCE");  // on time: green
    EXPECT_EQ(book.fill("Đăng ký", "I6"), "FFFFEB9C");  // late: amber
    EXPECT_EQ(book.fill("Đăng ký", "I7"), "FFFFC7CE");  // missing: red

    const std::string xml = book.sheet_xml("Đăng ký");
    EXPECT_NE(xml.find("<autoFilter ref=\"A4:I11\""), std::string::npos);
    EXPECT_NE(xml.find("ySplit=\"4\""), std::string::npos);  // frozen under the header

    const Cells summary = book.cells("Tổng hợp");
    EXPECT_EQ(row_texts(summary, 4),
              (std::vector<std::string>{"Nhóm", "Đúng hạn", "Trễ hạn", "Chưa đăng ký", "Đã đăng ký",
                                        "Trễ, được chấp nhận", "Tổng"}));
    EXPECT_EQ(row_texts(summary, 5),
              (std::vector<std::string>{"Các sở", "2", "1", "1", "0", "0", "4"}));
    EXPECT_EQ(row_texts(summary, 6),
              (std::vector<std::string>{"Các huyện", "0", "0", "1", "0", "0", "1"}));
    EXPECT_EQ(row_texts(summary, 7),
              (std::vector<std::string>{"Cá nhân", "1", "0", "1", "0", "0", "2"}));
    EXPECT_EQ(at(summary, 8, 1), "3");
    EXPECT_EQ(at(summary, 8, 6), "7");
}

// samples/kien-giang-2021-2025, phase 2021-2025, deadline 2022-03-30 (plan: registration
// deadlines, periods [2021-2025, 2021, 2022]). Counted from units.csv and registrations.csv:
// the groups hold 21 departments, 15 districts, 26 communes, 4 offices tagged chuyen-trach-cchc
// under departments and 15 tagged phong-noi-vu under districts (81 units, none in two groups),
// and people.csv 167 people. The communes: the 22 of before, Dương Tơ, Cửa Dương and Bãi Thơm
// (Phú Quốc, closed 2025-06-30, registered for the phase on 2022-03-24, 03-28, 03-29) and the đặc
// khu Phú Quốc (formed 2025-07-01: no registration). 157 registrations for 2021-2025, none twice
// for one subject; two after the deadline (KG-SLDTBXH 2022-04-04, KG-H-CT 2022-04-01); KG-SKHDT,
// AG-DK-PQ and KG-H-GR-PNV have none (in units.csv order); 79 of the people registered.
TEST(RegistrationBoard, KienGiangPhase) {
    Evaluated e(plan_file("kien-giang-2021-2025"),
                dataset(kSource / "samples" / "kien-giang-2021-2025"), "2021-2025");
    const RegistrationBoard b = registration_board(e.result);
    ASSERT_TRUE(b.listed());
    ASSERT_TRUE(b.deadline);
    EXPECT_EQ(b.deadline->iso(), "2022-03-30");
    EXPECT_EQ(b.rows.size(), 81u + 167u);
    const Dataset& d = e.data();
    std::vector<std::string> late, missing_units;
    for (const RegistrationRow& r : b.rows) {
        if (r.subject.kind != SubjectKind::Unit) continue;
        const std::string& id = d.units[static_cast<size_t>(r.subject.index)].id;
        if (r.status == RegistrationStatus::Late) late.push_back(id);
        if (r.status == RegistrationStatus::Missing) missing_units.push_back(id);
    }
    EXPECT_EQ(late, (std::vector<std::string>{"KG-SLDTBXH", "KG-H-CT"}));
    EXPECT_EQ(missing_units, (std::vector<std::string>{"KG-SKHDT", "AG-DK-PQ", "KG-H-GR-PNV"}));
    EXPECT_EQ(row_for(b, d, "KG-SLDTBXH")->registered_on->iso(), "2022-04-04");

    EXPECT_EQ(b.totals[RegistrationStatus::OnTime], 76 + 79);
    EXPECT_EQ(b.totals[RegistrationStatus::Late], 2);
    EXPECT_EQ(b.totals[RegistrationStatus::Missing], 3 + 88);
    EXPECT_EQ(b.totals[RegistrationStatus::Registered], 0);

    // Per group: on time, late, missing.
    std::map<std::string, std::array<int, 3>> by_group;
    for (const GroupCounts& g : b.groups)
        by_group[g.group ? g.group->id : "people"] = {g.counts[RegistrationStatus::OnTime],
                                                      g.counts[RegistrationStatus::Late],
                                                      g.counts[RegistrationStatus::Missing]};
    const std::map<std::string, std::array<int, 3>> expected = {
        {"so-ban-nganh", {19, 1, 1}},
        {"ubnd-huyen", {14, 1, 0}},
        {"ubnd-xa", {25, 0, 1}},
        {"chuyen-trach-tinh", {4, 0, 0}},
        {"chuyen-trach-huyen", {14, 0, 1}},
        {"people", {79, 0, 88}},
    };
    EXPECT_EQ(by_group, expected);
}

TEST(RegistrationBoardXlsx, KienGiangPhaseWorkbook) {
    Evaluated e(plan_file("kien-giang-2021-2025"),
                dataset(kSource / "samples" / "kien-giang-2021-2025"), "2021-2025");
    TempDir dir("thidua-board-kg");
    const fs::path path = dir.path() / "dang-ky.xlsx";
    ASSERT_TRUE(write_registration_board_xlsx(registration_board(e.result), e.result, path));
    Workbook book(path);
    const Cells cells = book.cells("Đăng ký");
    EXPECT_EQ(at(cells, 2, 0), "Kỳ 2021-2025 · hạn đăng ký 30/03/2022");

    const int late = row_of(cells, 2, "KG-SLDTBXH");
    ASSERT_GT(late, 0);
    EXPECT_EQ(at(cells, late, 1), "Các sở, ban, ngành tỉnh");
    EXPECT_EQ(at(cells, late, 3), "Sở Lao động - Thương binh và Xã hội");
    EXPECT_EQ(at(cells, late, 6), "2022-04-04");
    EXPECT_EQ(at(cells, late, 7), "2022-03-30");
    EXPECT_EQ(at(cells, late, 8), "Trễ hạn");
    EXPECT_EQ(book.fill("Đăng ký", "I" + std::to_string(late)), "FFFFEB9C");

    const int missing = row_of(cells, 2, "KG-H-GR-PNV");
    ASSERT_GT(missing, 0);
    EXPECT_EQ(at(cells, missing, 1), "Phòng Nội vụ cấp huyện");
    EXPECT_EQ(at(cells, missing, 6), "");
    EXPECT_EQ(at(cells, missing, 8), "Chưa đăng ký");
    EXPECT_EQ(book.fill("Đăng ký", "I" + std::to_string(missing)), "FFFFC7CE");

    // people.csv: KG-CB-0015 Lý Thị Diễm Lan of KG-SKHDT (also in 2025), registered 2022-03-27.
    const int person = row_of(cells, 2, "KG-CB-0015");
    ASSERT_GT(person, 0);
    EXPECT_EQ(at(cells, person, 3), "Lý Thị Diễm Lan");
    EXPECT_EQ(at(cells, person, 4), "Sở Kế hoạch và Đầu tư");
    EXPECT_EQ(at(cells, person, 5), "Cá nhân");
    EXPECT_EQ(at(cells, person, 6), "2022-03-27");
    EXPECT_EQ(at(cells, person, 8), "Đúng hạn");

    const Cells summary = book.cells("Tổng hợp");
    const int so = row_of(summary, 0, "Các sở, ban, ngành tỉnh");
    ASSERT_GT(so, 0);
    EXPECT_EQ(row_texts(summary, so), (std::vector<std::string>{"Các sở, ban, ngành tỉnh", "19",
                                                                "1", "1", "0", "0", "21"}));
    const int people = row_of(summary, 0, "Cá nhân");
    ASSERT_GT(people, 0);
    EXPECT_EQ(at(summary, people, 3), "88");
    EXPECT_EQ(at(summary, people + 1, 6),
              "248");  // the total row: 81 units and 167 people, as above
}

// ---------------------------------------------------------------- dossier board

// The dossiers-due scenario (tests/scenarios/kien-giang-2021-2025/dossiers-due): its notes
// select KG-SNV, KG-STP, KG-H-RG, KG-X-VTV and KG-X-VL for the Cờ thi đua, due 2026-02-14
// (results-recognized 2025 on 2026-01-30 + 15 days). dossiers.csv: KG-STP lacks the biên bản,
// KG-X-VTV (a commune) the quyết định phân loại; a district does not need it.
TEST(DossierBoardXlsx, DossiersDueScenario) {
    const fs::path data =
        kSource / "tests" / "scenarios" / "kien-giang-2021-2025" / "dossiers-due" / "data";
    Evaluated e(plan_file("kien-giang-2021-2025"), dataset(data), "2021-2025");
    TempDir dir("thidua-dossier-board");
    const fs::path path = dir.path() / "ho-so.xlsx";
    auto written = write_dossier_board_xlsx(e.result, path);
    ASSERT_TRUE(written) << written.error();
    Workbook book(path);
    EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Hồ sơ"}));
    const Cells cells = book.cells("Hồ sơ");
    EXPECT_EQ(at(cells, 2, 0), "Hồ sơ đề nghị khen thưởng · kỳ 2021-2025");
    EXPECT_EQ(row_texts(cells, 4),
              (std::vector<std::string>{
                  "STT", "Hình thức khen thưởng", "Nhóm", "Mã", "Tên", "Hạn nộp",
                  "Tờ trình của cơ quan, đơn vị, địa phương",
                  "Biên bản họp Hội đồng Thi đua - Khen thưởng",
                  "Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề",
                  "Quyết định công bố phân loại của UBND cấp huyện hằng năm", "Đủ hồ sơ"}));

    struct Want {
        const char* id;
        const char* group;
        std::vector<std::string> documents;  // G..J
        const char* complete;
    };
    const Want wants[] = {
        {"KG-SNV", "Các sở, ban, ngành tỉnh", {"1/1", "1/1", "1/1", ""}, "Có"},
        {"KG-STP", "Các sở, ban, ngành tỉnh", {"1/1", "0/1", "1/1", ""}, "Chưa"},
        {"KG-H-RG", "Ủy ban nhân dân các huyện, thành phố", {"1/1", "1/1", "1/1", ""}, "Có"},
        {"KG-X-VTV",
         "Ủy ban nhân dân các xã, phường, thị trấn",
         {"1/1", "1/1", "1/1", "0/1"},
         "Chưa"},
        {"KG-X-VL", "Ủy ban nhân dân các xã, phường, thị trấn", {"1/1", "1/1", "1/1", "1/1"}, "Có"},
    };
    int co_thi_dua = 0;
    for (const auto& [row, cols] : cells)
        co_thi_dua += row > 4 && at(cells, row, 1) == "Cờ thi đua của Ủy ban nhân dân tỉnh";
    EXPECT_EQ(co_thi_dua, 5);
    const Cells raw = book.cells("Hồ sơ", false);
    for (const Want& w : wants) {
        int row = 0;
        for (const auto& [r, cols] : cells)
            if (at(cells, r, 3) == w.id && at(cells, r, 1) == "Cờ thi đua của Ủy ban nhân dân tỉnh")
                row = r;
        ASSERT_GT(row, 0) << w.id;
        EXPECT_EQ(at(cells, row, 2), w.group) << w.id;
        EXPECT_EQ(at(cells, row, 5), "2026-02-14") << w.id;
        EXPECT_EQ(at(raw, row, 5), "46067") << w.id;  // a real date: 2026-02-14 is day 46067
        for (int i = 0; i < 4; ++i)
            EXPECT_EQ(at(cells, row, 6 + i), w.documents[static_cast<size_t>(i)]) << w.id << i;
        EXPECT_EQ(at(cells, row, 10), w.complete) << w.id;
    }
    const int stp = row_of(cells, 3, "KG-STP");
    EXPECT_EQ(book.fill("Hồ sơ", "H" + std::to_string(stp)), "FFFFC7CE");  // 0/1: red
    EXPECT_EQ(book.fill("Hồ sơ", "G" + std::to_string(stp)), "");          // 1/1: plain
    EXPECT_EQ(book.fill("Hồ sơ", "J" + std::to_string(stp)), "FFEDEDED");  // not required
    EXPECT_EQ(book.fill("Hồ sơ", "K" + std::to_string(stp)), "FFFFC7CE");  // Chưa

    // The summary line agrees with the rows.
    int complete = 0, rows = 0;
    for (const auto& [row, cols] : cells) {
        if (row <= 4) continue;
        ++rows;
        complete += at(cells, row, 10) == "Có";
    }
    EXPECT_EQ(at(cells, 3, 0), std::to_string(rows) +
                                   " hồ sơ · đủ hồ sơ: " + std::to_string(complete) +
                                   " · chưa đủ: " + std::to_string(rows - complete));
    EXPECT_NE(book.sheet_xml("Hồ sơ").find("<autoFilter ref=\"A4:K"), std::string::npos);
}

// The hand-built plan for 2023: D1 and D4 (registered on time) and P1 are selected. Due
// 2023-04-15. D1 filed its tờ trình on 2023-04-20 (late) and one of two reports; D4 all; P1
// nothing. qd-huyen is for districts only.
TEST(DossierBoardXlsx, LateAndShortDocuments) {
    Evaluated e(plan_text(kDemoPlan), demo_data(), "2023");
    ASSERT_EQ(dossier_documents(e.result).size(), 3u);
    TempDir dir("thidua-dossier-demo");
    const fs::path path = dir.path() / "ho-so.xlsx";
    ASSERT_TRUE(write_dossier_board_xlsx(e.result, path));
    Workbook book(path);
    const Cells cells = book.cells("Hồ sơ");
    EXPECT_EQ(at(cells, 3, 0), "3 hồ sơ · đủ hồ sơ: 1 · chưa đủ: 2");
    const int d1 = row_of(cells, 3, "D1"), d4 = row_of(cells, 3, "D4"), p1 = row_of(cells, 3, "P1");
    ASSERT_TRUE(d1 > 0 && d4 > 0 && p1 > 0);
    EXPECT_EQ(row_texts(cells, d1),
              (std::vector<std::string>{std::to_string(d1 - 4), "Bằng khen tập thể", "Các sở", "D1",
                                        "Sở Một", "2023-04-15", "1/1 trễ", "1/2", "Chưa"}));
    EXPECT_EQ(book.fill("Hồ sơ", "G" + std::to_string(d1)), "FFFFEB9C");  // enough, but late
    EXPECT_EQ(book.fill("Hồ sơ", "H" + std::to_string(d1)), "FFFFC7CE");  // short
    EXPECT_EQ(book.fill("Hồ sơ", "I" + std::to_string(d1)), "FFEDEDED");  // not required
    EXPECT_EQ(at(cells, d4, 6), "1/1");
    EXPECT_EQ(at(cells, d4, 7), "2/2");
    EXPECT_EQ(at(cells, d4, 9), "Có");
    EXPECT_EQ(at(cells, p1, 1), "Bằng khen cá nhân");
    EXPECT_EQ(at(cells, p1, 2), "Cá nhân");
    EXPECT_EQ(at(cells, p1, 6), "0/1");
}

TEST(DossierBoardXlsx, NoDueDateShowsTheReason) {
    Dataset d = demo_data();
    std::string plan = kDemoPlan;
    plan.erase(plan.find("  due: {date: 2023-04-15}\n"),
               std::string("  due: {date: 2023-04-15}\n").size());
    Evaluated e(plan_text(plan), std::move(d), "2023");
    TempDir dir("thidua-dossier-nodue");
    ASSERT_TRUE(write_dossier_board_xlsx(e.result, dir.path() / "h.xlsx"));
    Workbook book(dir.path() / "h.xlsx");
    const Cells cells = book.cells("Hồ sơ");
    const int d1 = row_of(cells, 3, "D1");
    ASSERT_GT(d1, 0);
    EXPECT_EQ(at(cells, d1, 5), "kế hoạch không quy định hạn nộp");
    EXPECT_EQ(at(cells, d1, 6), "1/1");  // no due date: nothing is late
}

// ---------------------------------------------------------------- yearly results

// KG-SNV (parent KG left out), KG-H-PQ and its commune KG-X-DD, 2022-2023. unit_years.csv:
// KG-SNV 2022 92.40/100 xuat-sac rank 1, satisfaction 86.7; KG-X-DD 2023 94.60, initiative 1.
TEST(YearlyResultsXlsx, ReimportsAsADataset) {
    const Dataset data = dataset(kSource / "samples" / "kien-giang-2021-2025");
    const std::vector<Index> units = {data.unit_by_id.at("KG-SNV"), data.unit_by_id.at("KG-H-PQ"),
                                      data.unit_by_id.at("KG-X-DD"), data.unit_by_id.at("KG-SNV")};
    TempDir dir("thidua-yearly");
    const fs::path path = dir.path() / "ket-qua.xlsx";
    auto written = write_yearly_results_xlsx(data, units, 2022, 2023, path);
    ASSERT_TRUE(written) << written.error().front().format();

    Diagnostics warnings;
    auto back = read_dataset_path(path, warnings);
    ASSERT_TRUE(back) << back.error().front().format();
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(back->units.size(), 3u);
    EXPECT_EQ(back->units[0].id, "KG-SNV");
    EXPECT_EQ(back->units[0].name, "Sở Nội vụ");
    EXPECT_EQ(back->units[0].type, UnitType::Department);
    EXPECT_EQ(back->units[0].parent, kNoIndex);  // KG is not in the file
    EXPECT_EQ(back->units[2].id, "KG-X-DD");
    EXPECT_EQ(back->units[2].parent, back->unit_by_id.at("KG-H-PQ"));
    EXPECT_FALSE(back->has_people);
    EXPECT_EQ(back->first_year, 2022);
    EXPECT_EQ(back->year_count, 2);

    const UnitYears& y = back->unit_years;
    const size_t snv = back->slot(back->unit_by_id.at("KG-SNV"), 2022);
    EXPECT_DOUBLE_EQ(y.par_score[snv], 92.40);
    EXPECT_DOUBLE_EQ(y.par_max[snv], 100);
    EXPECT_EQ(y.par_rating[snv], parse_scale_value(par_rating_scale(), "xuat-sac"));
    EXPECT_DOUBLE_EQ(y.par_rank[snv], 1);
    EXPECT_DOUBLE_EQ(y.satisfaction[snv], 86.7);
    const size_t dd = back->slot(back->unit_by_id.at("KG-X-DD"), 2023);
    EXPECT_DOUBLE_EQ(y.par_score[dd], 94.60);
    EXPECT_EQ(y.initiative[dd], 1);
    EXPECT_TRUE(std::isnan(y.par_rank[dd]));  // blank in the CSV

    // Every value of the kept units and years is the original's.
    for (const Unit& u : back->units) {
        const Index from = data.unit_by_id.at(u.id);
        const Index to = back->unit_by_id.at(u.id);
        for (int year = 2022; year <= 2023; ++year) {
            const size_t a = data.slot(from, year), b = back->slot(to, year);
            const UnitYears& o = data.unit_years;
            EXPECT_EQ(y.present[b], o.present[a]) << u.id << year;
            for (auto f : {&UnitYears::par_score, &UnitYears::par_max, &UnitYears::par_rank,
                           &UnitYears::satisfaction, &UnitYears::task_completion}) {
                const double x = (o.*f)[a], z = (y.*f)[b];
                EXPECT_TRUE((std::isnan(x) && std::isnan(z)) || x == z) << u.id << year;
            }
            for (auto f : {&UnitYears::par_rating, &UnitYears::head_leads, &UnitYears::compliance,
                           &UnitYears::excellent_achievement, &UnitYears::initiative,
                           &UnitYears::disciplined})
                EXPECT_EQ((y.*f)[b], (o.*f)[a]) << u.id << year;
        }
    }

    // The sheets people see: a title, DATA.md's names, the Vietnamese titles.
    Workbook book(path);
    EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"units", "unit_years"}));
    const Cells cells = book.cells("unit_years");
    EXPECT_EQ(at(cells, 1, 0), "Kết quả hằng năm của các đơn vị, năm 2022–2023");
    EXPECT_EQ(at(cells, 2, 0), "unit_id");
    EXPECT_EQ(at(cells, 2, 2), "par_score");
    EXPECT_EQ(at(cells, 3, 2), "Điểm Chỉ số CCHC");
    EXPECT_EQ(at(cells, 4, 0), "KG-SNV");
    EXPECT_EQ(at(cells, 4, 1), "2022");
}

// samples/soc-trang-2021-2030, component_years.csv: ST-SNV advises chi-dao-dieu-hanh (2021 7.47/9,
// 2022 7.62/9), ST-STP the-che; ST-SYT none.
TEST(YearlyResultsXlsx, KeepsTheComponentsOfTheUnits) {
    const Dataset data = dataset(kSource / "samples" / "soc-trang-2021-2030");
    const std::vector<Index> units = {data.unit_by_id.at("ST-SNV"), data.unit_by_id.at("ST-SYT")};
    TempDir dir("thidua-yearly-st");
    const fs::path path = dir.path() / "ket-qua.xlsx";
    ASSERT_TRUE(write_yearly_results_xlsx(data, units, 2021, 2022, path));
    auto back = read_dataset_path(path);
    ASSERT_TRUE(back) << back.error().front().format();
    ASSERT_TRUE(back->has_component_years);
    ASSERT_EQ(back->component_years.size(), 2u);
    ASSERT_EQ(back->components, (std::vector<std::string>{"chi-dao-dieu-hanh"}));
    const ComponentYear& c = back->component_years[0];
    EXPECT_EQ(back->units[static_cast<size_t>(c.unit)].id, "ST-SNV");
    EXPECT_EQ(c.year, 2021);
    EXPECT_DOUBLE_EQ(c.score, 7.47);
    EXPECT_DOUBLE_EQ(c.max, 9);
    EXPECT_DOUBLE_EQ(back->component_years[1].score, 7.62);
    EXPECT_EQ(Workbook(path).sheet_names(),
              (std::vector<std::string>{"units", "unit_years", "component_years"}));
}

TEST(YearlyResultsXlsx, YearsOutsideTheDataLeaveNoRows) {
    const Dataset data = dataset(kSource / "samples" / "kien-giang-2021-2025");
    const std::vector<Index> units = {data.unit_by_id.at("KG-SNV")};
    const Dataset slice = yearly_results_dataset(data, units, 2030, 2031);
    EXPECT_EQ(slice.year_count, 0);
    EXPECT_EQ(slice.units.size(), 1u);
    TempDir dir("thidua-yearly-empty");
    ASSERT_TRUE(write_yearly_results_xlsx(data, units, 2030, 2031, dir.path() / "k.xlsx"));
    auto back = read_dataset_path(dir.path() / "k.xlsx");
    ASSERT_TRUE(back) << back.error().front().format();
    EXPECT_EQ(back->units.size(), 1u);
    EXPECT_EQ(back->year_count, 0);
}

// ---------------------------------------------------------------- LibreOffice opens them

TEST(BoardsXlsx, LibreOfficeOpensEveryWorkbook) {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "soffice is not installed: LibreOffice opening not checked";
    Evaluated e(plan_file("kien-giang-2021-2025"),
                dataset(kSource / "samples" / "kien-giang-2021-2025"), "2021-2025");
    TempDir dir("thidua-boards-soffice");
    const fs::path d = dir.path();
    ASSERT_TRUE(
        write_registration_board_xlsx(registration_board(e.result), e.result, d / "dang-ky.xlsx"));
    ASSERT_TRUE(write_dossier_board_xlsx(e.result, d / "ho-so.xlsx"));
    const std::vector<Index> units = {e.data().unit_by_id.at("KG-SNV")};
    ASSERT_TRUE(write_yearly_results_xlsx(e.data(), units, 2021, 2025, d / "ket-qua.xlsx"));
    // CSV export of each workbook's first sheet: UTF-8 (76), cells as shown (the 9th option), so
    // dates come out in the sheet's dd/mm/yyyy.
    const std::string filter = "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'";
    const std::string command =
        "cd '" + d.string() + "' && timeout 180 soffice -env:UserInstallation=file://" +
        d.string() + "/profile --headless --convert-to " + filter +
        " --outdir out dang-ky.xlsx ho-so.xlsx ket-qua.xlsx >soffice.log 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto slurp = [&](const char* name) {
        std::ifstream in(d / "out" / name);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const std::string registrations = slurp("dang-ky.csv");
    EXPECT_NE(registrations.find("Sở Lao động - Thương binh và Xã hội"), std::string::npos);
    // registrations.csv: KG-SNV registered on 2022-03-24; a day above 12 shows the order.
    EXPECT_NE(registrations.find("KG-SNV,Sở Nội vụ,,Tập thể,24/03/2022,30/03/2022,Đúng hạn"),
              std::string::npos)
        << registrations.substr(0, 800);
    EXPECT_NE(registrations.find("Trễ hạn"), std::string::npos);
    const std::string dossiers = slurp("ho-so.csv");
    EXPECT_NE(dossiers.find("Đủ hồ sơ"), std::string::npos) << dossiers.substr(0, 400);
    EXPECT_NE(dossiers.find(",14/02/2026,"), std::string::npos);  // due 2026-01-30 + 15 days
    const std::string units_csv = slurp("ket-qua.csv");
    EXPECT_NE(units_csv.find("KG-SNV"), std::string::npos);
    EXPECT_NE(units_csv.find("Sở Nội vụ"), std::string::npos);
}
