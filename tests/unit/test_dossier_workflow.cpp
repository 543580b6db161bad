// The dossier rules, derived by hand from the Châu Thành plan (PLANS.md §2): three documents,
// 2 original sets each, due "trước ngày 15/10/2023", i.e. 2023-10-14 at the latest.

#include <gtest/gtest.h>

#include "eval/DossierWorkflow.h"

namespace thidua {
namespace {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

struct ChauThanhDossier {
    DocumentSpec de_nghi{"van-ban-de-nghi", "Văn bản đề nghị", 2, {}, ""};
    DocumentSpec bao_cao{"bao-cao-thanh-tich", "Báo cáo thành tích", 2, {}, ""};
    DocumentSpec bien_ban{"bien-ban-binh-xet", "Biên bản bình xét", 2, {}, ""};
    DossierOutcome outcome;
    ChauThanhDossier() {
        outcome.due = d("2023-10-14");
        for (const DocumentSpec* s : {&de_nghi, &bao_cao, &bien_ban})
            outcome.documents.push_back({s, 2, 0, false});
    }
};

TEST(DossierWorkflow, StatusIdsAndLabels) {
    EXPECT_EQ(parse_dossier_status("returned"), DossierStatus::Returned);
    EXPECT_EQ(parse_dossier_status("deleted"), std::nullopt);
    EXPECT_EQ(dossier_status_id(DossierStatus::Decided), "decided");
    EXPECT_EQ(dossier_status_label(DossierStatus::Submitted), "Đã nộp");
}

TEST(DossierWorkflow, WhoMayTakeWhichStep) {
    using S = DossierStatus;
    using A = DossierActor;
    EXPECT_EQ(dossier_next_statuses(S::Draft, A::Unit), std::vector<S>{S::Submitted});
    EXPECT_EQ(dossier_next_statuses(S::Draft, A::Council), std::vector<S>{});
    EXPECT_EQ(dossier_next_statuses(S::Submitted, A::Unit), std::vector<S>{});
    EXPECT_EQ(dossier_next_statuses(S::Submitted, A::HomeAffairs),
              (std::vector<S>{S::Returned, S::Accepted}));
    EXPECT_EQ(dossier_next_statuses(S::Returned, A::Unit), std::vector<S>{S::Submitted});
    EXPECT_EQ(dossier_next_statuses(S::Accepted, A::HomeAffairs), std::vector<S>{S::Proposed});
    EXPECT_EQ(dossier_next_statuses(S::Proposed, A::Council), std::vector<S>{S::Decided});
    EXPECT_EQ(dossier_next_statuses(S::Proposed, A::HomeAffairs), std::vector<S>{S::Decided});
    EXPECT_EQ(dossier_next_statuses(S::Decided, A::HomeAffairs), std::vector<S>{});
    EXPECT_EQ(dossier_next_statuses(S::Proposed, A::Reader), std::vector<S>{});
    EXPECT_TRUE(may_change_uploads(A::Unit, S::Draft));
    EXPECT_TRUE(may_change_uploads(A::HomeAffairs, S::Returned));
    EXPECT_FALSE(may_change_uploads(A::Unit, S::Submitted));
    EXPECT_FALSE(may_change_uploads(A::Council, S::Draft));
    EXPECT_FALSE(may_change_uploads(A::Reader, S::Draft));
}

TEST(DossierWorkflow, TransitionsAreCheckedWithVietnameseReasons) {
    using S = DossierStatus;
    DossierTransition t;
    t.from = S::Draft;
    t.to = S::Accepted;
    t.actor = DossierActor::HomeAffairs;
    auto r = check_dossier_transition(t);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 409);
    EXPECT_EQ(r->code, "illegal_transition");
    EXPECT_EQ(r->message, "Không chuyển được hồ sơ từ “Đang soạn” sang “Đã tiếp nhận”");

    t = {S::Submitted, S::Accepted, DossierActor::Unit, "", "", std::nullopt, {}};
    EXPECT_EQ(check_dossier_transition(t)->status, 403);

    t = {S::Submitted, S::Returned, DossierActor::HomeAffairs, "", "", std::nullopt, {}};
    EXPECT_EQ(check_dossier_transition(t)->code, "reason_required");
    t.reason = "Thiếu chữ ký";
    EXPECT_FALSE(check_dossier_transition(t));

    t = {S::Proposed, S::Decided, DossierActor::Council, "", "123/QĐ-UBND", std::nullopt, {}};
    EXPECT_EQ(check_dossier_transition(t)->code, "decision_required");
    t.decision_date = d("2023-12-20");
    EXPECT_FALSE(check_dossier_transition(t));

    t = {S::Draft, S::Submitted, DossierActor::Unit, "", "", std::nullopt, {"Biên bản bình xét"}};
    r = check_dossier_transition(t);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->code, "incomplete");
    EXPECT_EQ(r->message, "Hồ sơ còn thiếu: Biên bản bình xét");
    EXPECT_EQ(r->details, std::vector<std::string>{"Biên bản bình xét"});
    t.missing.clear();
    EXPECT_FALSE(check_dossier_transition(t));
    t.from = S::Returned;
    EXPECT_FALSE(check_dossier_transition(t));
}

TEST(DossierWorkflow, CompleteWhenEveryDocumentIsUploadedOrImported) {
    ChauThanhDossier c;
    DossierState s = dossier_state(c.outcome, {}, std::nullopt, d("2023-10-01"));
    EXPECT_FALSE(s.complete);
    EXPECT_EQ(s.missing, (std::vector<std::string>{"van-ban-de-nghi", "bao-cao-thanh-tich",
                                                   "bien-ban-binh-xet"}));
    EXPECT_FALSE(s.late);  // before the due date, nothing filed yet

    // Two documents uploaded; the third imported from dossiers.csv with its 2 copies.
    c.outcome.documents[2].submitted = 2;
    s = dossier_state(c.outcome, {{"van-ban-de-nghi", 1}, {"bao-cao-thanh-tich", 2}}, std::nullopt,
                      d("2023-10-01"));
    EXPECT_TRUE(s.complete);
    EXPECT_TRUE(s.missing.empty());
    EXPECT_EQ(s.documents[1].uploads, 2);

    // One copy of two imported is not the document.
    c.outcome.documents[2].submitted = 1;
    s = dossier_state(c.outcome, {{"van-ban-de-nghi", 1}, {"bao-cao-thanh-tich", 1}}, std::nullopt,
                      d("2023-10-01"));
    EXPECT_EQ(s.missing, std::vector<std::string>{"bien-ban-binh-xet"});
}

TEST(DossierWorkflow, LateAgainstTheDueDate) {
    ChauThanhDossier c;
    const std::map<std::string, int> all = {
        {"van-ban-de-nghi", 1}, {"bao-cao-thanh-tich", 1}, {"bien-ban-binh-xet", 1}};
    // Submitted on the last valid day: on time, whatever today is.
    EXPECT_FALSE(dossier_state(c.outcome, all, d("2023-10-14"), d("2024-03-01")).late);
    // Submitted on 15/10/2023 ("trước ngày 15/10" excludes it).
    EXPECT_TRUE(dossier_state(c.outcome, all, d("2023-10-15"), d("2023-10-15")).late);
    // Not submitted: on time until the due date has passed.
    EXPECT_FALSE(dossier_state(c.outcome, all, std::nullopt, d("2023-10-14")).late);
    EXPECT_TRUE(dossier_state(c.outcome, {}, std::nullopt, d("2023-10-15")).late);
    // Filed complete through dossiers.csv: late only if a copy came after the due date.
    for (DocumentOutcome& doc : c.outcome.documents)
        doc.submitted = 2;
    EXPECT_FALSE(dossier_state(c.outcome, {}, std::nullopt, d("2024-01-01")).late);
    c.outcome.documents[1].late = true;
    EXPECT_TRUE(dossier_state(c.outcome, {}, std::nullopt, d("2024-01-01")).late);
    // No due date in the plan: never late.
    c.outcome.due.reset();
    EXPECT_FALSE(dossier_state(c.outcome, {}, std::nullopt, d("2030-01-01")).late);
    EXPECT_FALSE(dossier_state(c.outcome, all, d("2030-01-01"), d("2030-01-01")).late);
}

}  // namespace
}  // namespace thidua
