// The document binder on a small plan built here: three communes compete for one Giấy khen, two
// of them tie; the expectations follow from the plan text below, the dates and Decree 30's
// conventions (leading zeros on days below 10 and months 1-2, capitals in headings).

#include <gtest/gtest.h>

#include <fstream>

#include "TestDataset.h"
#include "eval/Evaluator.h"
#include "forms/Agency.h"
#include "forms/DocumentDefaults.h"
#include "forms/FormBinder.h"
#include "forms/FormFields.h"
#include "forms/RewardMoney.h"
#include "forms/VietnameseFormat.h"
#include "io/plan/PlanLoader.h"

using namespace thidua;
using namespace thidua::forms;
using thidua::testing_support::TestDataset;

namespace {

const char* kPlan = R"(
id: thu-nghiem
title: Kế hoạch phát động phong trào thi đua cải cách hành chính năm 2024
issuer:
  name: Ủy ban nhân dân huyện Châu Thành
  unit: CT
  place: Châu Thành
  signer: Trần Văn Bình
  signer_title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
  successor:
    name: Ủy ban nhân dân xã Phú Tâm
    place: Phú Tâm
    signer_title: CHỦ TỊCH
    from: 2025-07-01
number: 12/KH-UBND
date: 2024-02-05
groups:
  - {id: xa, name: Ủy ban nhân dân các xã, types: [commune]}
periods:
  annual: {from: 2024, to: 2024}
registration:
  form: Hoàn thành xuất sắc nhiệm vụ CCHC năm 2024
  individuals_per_unit: 2
  deadlines:
    - {periods: annual, day: "03-30"}
awards:
  - id: giay-khen-tap-the
    name: Giấy khen của Chủ tịch Ủy ban nhân dân huyện (tập thể)
    kind: collective
    periods: annual
    groups: {xa: 1}
    criteria:
      - {id: rated-tot, label: Xếp loại chỉ số CCHC từ Tốt trở lên, rule: par_rating >= tot}
    ranking:
      - {label: Điểm chỉ số CCHC, key: par_score}
documents:
  proposer:
    name: Phòng Nội vụ huyện Châu Thành
    parent: Ủy ban nhân dân huyện Châu Thành
    symbol: PNV
    signer: Lê Thị Hoa
    signer_title: TRƯỞNG PHÒNG
  authority_title: Chủ tịch Ủy ban nhân dân huyện Châu Thành
  council:
    members:
      - {name: Nguyễn Văn An, title: Chủ tịch UBND huyện, role: Chủ tịch Hội đồng}
      - {name: Lê Thị Hoa, title: Trưởng phòng Nội vụ, role: Thư ký}
  rewards:
    giay-khen-tap-the: 0.6
  recipients:
    to-trinh: [Như trên, "Lưu: VT, NV"]
)";

struct Fixture {
    std::shared_ptr<const CompiledPlan> plan;
    TestDataset data{2024, 1};
    Index a = 0, b = 0, c = 0;
    EvaluationResult result;

    Fixture() {
        auto loaded = load_plan_text(kPlan, "thu-nghiem.yaml");
        EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().front().message);
        plan = *loaded;
        const Index ct = data.unit("CT", UnitType::District);
        data.data().units[ct].name = "Huyện Châu Thành";
        a = add_commune("CT-PT", "Xã Phú Tâm", ct, 95, 0);    // xuất sắc, highest score
        b = add_commune("CT-AN", "Xã An Ninh", ct, 90, 1);    // tốt
        c = add_commune("CT-TH", "Xã Thuận Hòa", ct, 80, 3);  // trung bình: ineligible
        const Index p = data.person("P1", a);
        data.data().people.name[p] = "Nguyễn Thị Hồng Nhung";
        data.data().has_registrations = true;
        data.data().registrations.push_back(
            {{SubjectKind::Person, p}, "2024", *Date::from_ymd(2024, 3, 2), false, {}});
        result = evaluate(*plan, data.data(), *find_period(plan->spec, "2024"), {});
    }

    Index add_commune(const std::string& id, const std::string& name, Index parent, double score,
                      int8_t rating) {
        const Index u = data.unit(id, UnitType::Commune, parent);
        data.data().units[u].name = name;
        const size_t s = data.slot(u, 2024);
        data.unit_years().par_score[s] = score;
        data.unit_years().par_max[s] = 100;
        data.unit_years().par_rating[s] = rating;
        data.unit_years().present[s] = 1;
        return u;
    }

    documents::TemplateValues bind(FormKind kind, Date on, Index unit = kNoIndex) {
        FormRequest q{kind, &result, on, "", unit, ""};
        auto v = bind_form(q);
        EXPECT_TRUE(v) << (v ? "" : v.error());
        return v ? *v : documents::TemplateValues{};
    }
};

std::string field(const documents::TemplateValues& v, const char* name) {
    const std::string* f = v.field(name);
    return f ? *f : "<none>";
}

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

}  // namespace

TEST(VietnameseFormat, DatesCountsMoneyAndCapitals) {
    EXPECT_EQ(date_words(d(2026, 3, 5)), "ngày 05 tháng 3 năm 2026");
    EXPECT_EQ(date_words(d(2026, 2, 15)), "ngày 15 tháng 02 năm 2026");
    EXPECT_EQ(date_numeric(d(2022, 3, 22)), "22/3/2022");
    EXPECT_EQ(date_numeric(d(2024, 1, 9)), "09/01/2024");
    EXPECT_EQ(count_text(2), "02");
    EXPECT_EQ(count_text(15), "15");
    EXPECT_EQ(money_text(18'720'000), "18.720.000 đồng");
    EXPECT_EQ(money_text(710'000), "710.000 đồng");
    EXPECT_EQ(money_words(2'340'000), "Hai triệu ba trăm bốn mươi nghìn đồng");
    EXPECT_EQ(money_words(105'000), "Một trăm lẻ năm nghìn đồng");
    EXPECT_EQ(multiple_text(8), "8,0");
    EXPECT_EQ(multiple_text(0.3), "0,3");
    EXPECT_EQ(upper_vi("Ủy ban nhân dân tỉnh Kiên Giang"), "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG");
    EXPECT_EQ(award_title("Giấy khen của Chủ tịch Ủy ban nhân dân huyện (tập thể)"),
              "Giấy khen của Chủ tịch Ủy ban nhân dân huyện");
}

TEST(RewardMoney, MultipleOfTheBaseSalaryRoundedUpToTensOfThousands) {
    EXPECT_EQ(reward_amount(8.0, 2'340'000), 18'720'000);
    EXPECT_EQ(reward_amount(0.3, 2'340'000), 710'000);  // 702.000 rounded up
    EXPECT_EQ(reward_amount(0.6, 1'800'000), 1'080'000);
    EXPECT_EQ(reward_amount(1.0, 1'490'000), 1'490'000);
}

TEST(DocumentDefaults, BaseSalaryAndLegalBasesFollowTheDocumentDate) {
    PlanSpec plan;
    EXPECT_EQ(base_salary_on(plan, d(2024, 6, 30))->amount, 1'800'000);
    EXPECT_EQ(base_salary_on(plan, d(2024, 7, 1))->amount, 2'340'000);
    plan.documents.base_salary.push_back({d(2026, 7, 1), 2'530'000, "Nghị định mới"});
    EXPECT_EQ(base_salary_on(plan, d(2026, 7, 1))->basis, "Nghị định mới");
    EXPECT_EQ(base_salary_on(plan, d(2026, 6, 30))->amount, 2'340'000);

    auto joined = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v)
            s += x + "|";
        return s;
    };
    const std::string in_2023 = joined(default_legal_bases(d(2023, 6, 1)));
    EXPECT_NE(in_2023.find("91/2017/NĐ-CP"), std::string::npos);
    EXPECT_NE(in_2023.find("ngày 26 tháng 11 năm 2003"), std::string::npos);
    EXPECT_EQ(in_2023.find("15 tháng 6 năm 2022"), std::string::npos);
    const std::string in_2026 = joined(default_legal_bases(d(2026, 1, 10)));
    EXPECT_NE(in_2026.find("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
              std::string::npos);
    EXPECT_NE(in_2026.find("152/2025/NĐ-CP"), std::string::npos);
    EXPECT_NE(in_2026.find("ngày 16 tháng 6 năm 2025"), std::string::npos);
    EXPECT_EQ(in_2026.find("98/2023"), std::string::npos);
}

TEST(FormBinder, SubmissionBeforeTheReorganisationSpeaksForTheProposer) {
    Fixture f;
    const auto v = f.bind(FormKind::Submission, d(2025, 1, 6));
    EXPECT_EQ(field(v, "co_quan.chu_quan"), "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH");
    EXPECT_EQ(field(v, "co_quan.ten"), "PHÒNG NỘI VỤ HUYỆN CHÂU THÀNH");
    EXPECT_EQ(field(v, "co_quan.ky_hieu"), "PNV");
    EXPECT_EQ(field(v, "dia_danh"), "Châu Thành");
    EXPECT_EQ(field(v, "ngay_thang"), "ngày 06 tháng 01 năm 2025");
    EXPECT_EQ(field(v, "nguoi_ky.chuc_vu"), "TRƯỞNG PHÒNG");
    EXPECT_EQ(field(v, "nguoi_ky.ho_ten"), "Lê Thị Hoa");
    EXPECT_EQ(field(v, "noi_nhan"), "- Như trên;\n- Lưu: VT, NV.");
    EXPECT_EQ(field(v, "kinh_gui"), "Ủy ban nhân dân huyện Châu Thành");
    EXPECT_EQ(field(v, "ke_hoach.trich_dan"),
              "Kế hoạch số 12/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân huyện Châu Thành");
    EXPECT_EQ(field(v, "ky_danh_gia"), "năm 2024");
    // Phú Tâm (95, xuất sắc) takes the one seat; An Ninh (90, tốt) is eligible, not selected.
    const auto* list = v.find_list("de_nghi");
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->at(0).at("ten"), "Xã Phú Tâm");
    EXPECT_EQ(list->at(0).at("don_vi"), "Huyện Châu Thành");
    EXPECT_EQ(list->at(0).at("hinh_thuc"), "Giấy khen của Chủ tịch Ủy ban nhân dân huyện");
    EXPECT_EQ(list->at(0).at("xep_hang"), "1");
    EXPECT_NE(list->at(0).at("thanh_tich").find("Xếp loại chỉ số CCHC từ Tốt trở lên"),
              std::string::npos);
    EXPECT_EQ(field(v, "so_tap_the"), "01");
    EXPECT_EQ(field(v, "so_ca_nhan"), "00");
    EXPECT_EQ(field(v, "tom_tat_ket_qua"),
              "Giấy khen của Chủ tịch Ủy ban nhân dân huyện: 02 tập thể đủ tiêu chuẩn, 01 được "
              "chọn theo chỉ tiêu.");
    EXPECT_EQ(field(v, "tom_tat_dong_hang"), "");
    // 0,6 × 2.340.000 = 1.404.000, rounded up to 1.410.000 (base salary of 2024-07-01).
    const auto* money = v.find_list("tong_hop");
    ASSERT_EQ(money->size(), 1u);
    EXPECT_EQ(money->at(0).at("he_so"), "0,6");
    EXPECT_EQ(money->at(0).at("muc_thuong"), "1.410.000 đồng");
    EXPECT_EQ(field(v, "tong_tien"), "1.410.000 đồng");
    EXPECT_EQ(field(v, "tong_tien.bang_chu"), "Một triệu bốn trăm mười nghìn đồng");
    EXPECT_EQ(field(v, "luong_co_so.can_cu"), "Nghị định số 73/2024/NĐ-CP");
    // The general bases of 2025-01-06, then the plan.
    const auto* bases = v.find_list("can_cu");
    ASSERT_FALSE(bases->empty());
    EXPECT_EQ(bases->back().at("noi_dung"),
              "Kế hoạch số 12/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân huyện Châu Thành về "
              "phát động phong trào thi đua cải cách hành chính năm 2024");
    EXPECT_NE(bases->front().at("noi_dung").find("19 tháng 6 năm 2015"), std::string::npos);
}

TEST(FormBinder, DecisionAfterTheReorganisationCarriesTheSuccessor) {
    Fixture f;
    const auto v = f.bind(FormKind::Decision, d(2026, 3, 5));
    EXPECT_EQ(field(v, "co_quan.ten"), "ỦY BAN NHÂN DÂN XÃ PHÚ TÂM");
    EXPECT_EQ(field(v, "dia_danh"), "Phú Tâm");
    EXPECT_EQ(field(v, "nguoi_ky.chuc_vu"), "CHỦ TỊCH");
    // The plan's authority_title names the dissolved district's chair; the successor's is its own.
    EXPECT_EQ(field(v, "tham_quyen"), "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ TÂM");
    const auto* articles = v.find_list("dieu_khen");
    ASSERT_EQ(articles->size(), 1u);
    EXPECT_EQ(articles->at(0).at("noi_dung"),
              "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 01 tập thể đã có thành tích "
              "xuất sắc trong phong trào thi đua cải cách hành chính năm 2024 (có danh sách kèm "
              "theo).");
    EXPECT_EQ(field(v, "noi_nhan"), "- Như Điều 3;\n- Lưu: VT.");
    EXPECT_NE(field(v, "phu_luc.kem_theo").find("ngày 05 tháng 3 năm 2026"), std::string::npos);
    EXPECT_NE(field(v, "tien_thuong").find("1.410.000 đồng"), std::string::npos);
    EXPECT_EQ(field(v, "thi_hanh"),
              "Chánh Văn phòng Ủy ban nhân dân xã Phú Tâm, Trưởng phòng Phòng Nội vụ huyện Châu "
              "Thành, thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên "
              "tại Điều 1 chịu trách nhiệm thi hành Quyết định này.");
    EXPECT_EQ(field(v, "xet_de_nghi"),
              "Xét đề nghị của Phòng Nội vụ huyện Châu Thành tại Tờ trình số       /TTr-PNV");
}

TEST(FormBinder, MinutesListTheCouncilAndTheCandidatesToVoteOn) {
    Fixture f;
    const auto v = f.bind(FormKind::CouncilMinutes, d(2025, 1, 6));
    EXPECT_EQ(field(v, "co_quan.chu_quan"), "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH");
    EXPECT_EQ(field(v, "co_quan.ten"), "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG");
    EXPECT_EQ(field(v, "hoi_dong.ten"), "Hội đồng Thi đua - Khen thưởng huyện Châu Thành");
    EXPECT_EQ(field(v, "chu_tri.ho_ten"), "Nguyễn Văn An");
    EXPECT_EQ(field(v, "thu_ky.ho_ten"), "Lê Thị Hoa");
    EXPECT_EQ(field(v, "so_thanh_vien"), "02");
    EXPECT_EQ(field(v, "nguong_thong_qua"), "70%");
    const auto* votes = v.find_list("bieu_quyet");
    ASSERT_EQ(votes->size(), 1u);
    EXPECT_EQ(votes->at(0).at("ten"), "Xã Phú Tâm");
    EXPECT_EQ(votes->at(0).at("dong_y"), "");
}

TEST(FormBinder, RegistrationFormListsRegisteredPeopleAndLeavesLinesToFill) {
    Fixture f;
    const auto v = f.bind(FormKind::Registration, d(2024, 3, 1), f.a);
    EXPECT_EQ(field(v, "co_quan.chu_quan"), "HUYỆN CHÂU THÀNH");
    EXPECT_EQ(field(v, "co_quan.ten"), "XÃ PHÚ TÂM");
    EXPECT_EQ(field(v, "don_vi.ten"), "Xã Phú Tâm");
    EXPECT_EQ(field(v, "nhom"), "Ủy ban nhân dân các xã");
    EXPECT_EQ(field(v, "han_dang_ky"), "30/3/2024");
    EXPECT_EQ(field(v, "so_ca_nhan"), "02");
    EXPECT_EQ(field(v, "noi_dung_dang_ky"), "Hoàn thành xuất sắc nhiệm vụ CCHC năm 2024");
    const auto* people = v.find_list("ca_nhan");
    ASSERT_EQ(people->size(), 2u);  // the registered one, and one blank line
    EXPECT_EQ(people->at(0).at("ho_ten"), "Nguyễn Thị Hồng Nhung");
    EXPECT_EQ(people->at(0).at("ngay_dang_ky"), "02/3/2024");
    EXPECT_EQ(people->at(1).at("ho_ten"), "");
}

TEST(FormBinder, AchievementReportCarriesTheYearlyResultsAndEachCriterion) {
    Fixture f;
    const auto v = f.bind(FormKind::AchievementReport, d(2025, 1, 6), f.b);
    EXPECT_EQ(field(v, "hinh_thuc"), "Giấy khen của Chủ tịch Ủy ban nhân dân huyện");
    const auto* years = v.find_list("ket_qua_nam");
    ASSERT_EQ(years->size(), 1u);
    EXPECT_EQ(years->at(0).at("nam"), "2024");
    EXPECT_EQ(years->at(0).at("diem"), "90/100");
    EXPECT_EQ(years->at(0).at("xep_loai"), "Tốt");
    const auto* criteria = v.find_list("tieu_chi");
    ASSERT_EQ(criteria->size(), 1u);
    EXPECT_EQ(criteria->at(0).at("ket_qua"), "Đạt");
}

TEST(FormBinder, RefusesAUnitDocumentWithoutAUnitAndAnUnknownAward) {
    Fixture f;
    FormRequest q{FormKind::Registration, &f.result, d(2024, 3, 1), "", kNoIndex, ""};
    EXPECT_FALSE(bind_form(q));
    FormRequest award{FormKind::Submission, &f.result, d(2024, 3, 1), "", kNoIndex, "co-thi-dua"};
    auto refused = bind_form(award);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().find("co-thi-dua"), std::string::npos);
}

// What the binder fills and what the schema promises template authors must be the same names.
TEST(FormBinder, FillsExactlyTheFieldsTheSchemaOffers) {
    Fixture f;
    for (const FormInfo& info : form_kinds()) {
        const Index unit = info.subject == FormSubject::Unit ? f.a : kNoIndex;
        const auto v = f.bind(info.kind, d(2025, 1, 6), unit);
        const documents::TemplateSchema schema = form_schema(info.kind);
        std::set<std::string, std::less<>> fields;
        for (const auto& [name, value] : v.fields())
            fields.insert(name);
        for (const auto& name : fields)
            EXPECT_TRUE(schema.fields.contains(name)) << info.id << " fills " << name;
        for (const auto& name : schema.fields)
            EXPECT_TRUE(fields.contains(name)) << info.id << " does not fill " << name;
        std::set<std::string, std::less<>> lists;
        for (const auto& [name, records] : v.lists()) {
            lists.insert(name);
            for (const auto& record : records) {
                std::set<std::string, std::less<>> keys;
                for (const auto& [k, value] : record)
                    keys.insert(k);
                EXPECT_EQ(keys, schema.lists.at(name)) << info.id << " " << name;
            }
        }
        std::set<std::string, std::less<>> schema_lists;
        for (const auto& [name, record] : schema.lists)
            schema_lists.insert(name);
        EXPECT_EQ(lists, schema_lists) << info.id;
    }
}

// docs/DOCUMENTS.md is what template authors read: every field of every kind is listed there.
TEST(FormFields, EveryFieldIsDocumentedForTemplateAuthors) {
    std::ifstream in(std::string(THIDUA_SOURCE_DIR) + "/docs/DOCUMENTS.md");
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ASSERT_FALSE(doc.empty());
    for (const FormInfo& info : form_kinds()) {
        EXPECT_NE(doc.find("### `" + std::string(info.id) + "`"), std::string::npos) << info.id;
        for (const FieldInfo& f : form_fields(info.kind)) {
            const std::string name(f.name);
            if (f.record.empty()) {
                EXPECT_NE(doc.find("{{" + name + "}}"), std::string::npos) << name;
                continue;
            }
            EXPECT_NE(doc.find("{{#" + name + "}}"), std::string::npos) << name;
            for (const FieldInfo& r : f.record)
                EXPECT_NE(doc.find("{{" + name + "." + std::string(r.name) + "}}"),
                          std::string::npos)
                    << name << "." << r.name;
        }
    }
}
