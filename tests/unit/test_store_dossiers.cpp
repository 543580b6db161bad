// Stored files and award dossiers on both engines: bytes back as sent (binary, with NULs), the
// status path appended and refused when it moved meanwhile, uploads withdrawn without deleting,
// the file's uses, and the audit log with authors.

#include "StoreTestSupport.h"

namespace thidua {
namespace {

class StoreDossierTest : public testing_support::StoreTest {};

const DossierKey kKey{"chau-thanh-2023", "2023", "giay-khen-tap-the", "unit", "CT-PNV"};

StoredFile pdf(std::string by) {
    StoredFile f;
    f.name = "Tờ trình.pdf";
    f.media_type = "application/pdf";
    f.content = std::string("%PDF-1.4\n\0\xff\xfe binary", 20);
    f.uploaded_by = std::move(by);
    return f;
}

TEST_P(StoreDossierTest, FilesComeBackByteForByte) {
    auto store = open();
    ASSERT_TRUE(store);
    auto saved = store->save_file(pdf("lan"));
    ASSERT_TRUE(saved) << saved.error().format();
    EXPECT_GT(saved->id, 0);
    EXPECT_EQ(saved->size, 20);
    EXPECT_EQ(saved->sha256.size(), 64u);
    auto back = store->find_file(saved->id, true);
    ASSERT_TRUE(back && *back);
    EXPECT_EQ((*back)->content, pdf("").content);
    EXPECT_EQ((*back)->name, "Tờ trình.pdf");
    EXPECT_EQ((*back)->uploaded_by, "lan");
    auto bare = store->find_file(saved->id, false);
    ASSERT_TRUE(bare && *bare);
    EXPECT_TRUE((*bare)->content.empty());
    EXPECT_FALSE(*store->find_file(saved->id + 100, false));
    EXPECT_TRUE(store->file_uses(saved->id)->empty());
}

TEST_P(StoreDossierTest, StatusPathUploadsAndWithdrawalsAreAppendedNeverDeleted) {
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_FALSE(*store->find_dossier(kKey));

    // The first upload makes the record.
    auto up = store->add_dossier_upload(kKey, "CT-PNV", "draft", "van-ban-de-nghi", pdf("pnv"));
    ASSERT_TRUE(up && *up) << (up ? "" : up.error().format());
    EXPECT_EQ((*up)->file.size, 20);
    auto second =
        store->add_dossier_upload(kKey, "CT-PNV", "draft", "bao-cao-thanh-tich", pdf("pnv"));
    ASSERT_TRUE(second && *second);
    // A status that moved meanwhile refuses the change.
    auto stale = store->add_dossier_upload(kKey, "CT-PNV", "returned", "x", pdf("pnv"));
    ASSERT_TRUE(stale);
    EXPECT_FALSE(*stale);

    auto withdrawn = store->withdraw_dossier_upload(kKey, (*up)->id, "draft", "Nhầm tệp", "pnv");
    ASSERT_TRUE(withdrawn && *withdrawn);
    EXPECT_TRUE((*withdrawn)->withdrawn);
    // Twice is refused.
    EXPECT_FALSE(*store->withdraw_dossier_upload(kKey, (*up)->id, "draft", "", "pnv"));

    DossierEvent submit;
    submit.from_status = "draft";
    submit.to_status = "submitted";
    submit.by = "pnv";
    auto moved = store->add_dossier_event(kKey, "CT-PNV", submit);
    ASSERT_TRUE(moved && *moved);
    EXPECT_EQ((*moved)->status(), "submitted");
    EXPECT_FALSE(*store->add_dossier_event(kKey, "CT-PNV", submit));  // no longer draft
    DossierEvent ret{0, "submitted", "returned", "Thiếu chữ ký", "", "", "lan", "", ""};
    ASSERT_TRUE(*store->add_dossier_event(kKey, "CT-PNV", ret));

    auto found = store->find_dossier(kKey);
    ASSERT_TRUE(found && *found);
    const DossierRecord& d = **found;
    EXPECT_EQ(d.unit_id, "CT-PNV");
    EXPECT_EQ(d.created_by, "pnv");
    EXPECT_EQ(d.status(), "returned");
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(d.events[1].reason, "Thiếu chữ ký");
    EXPECT_EQ(d.events[1].by, "lan");
    EXPECT_EQ(d.events[0].on.size(), 10u);
    ASSERT_EQ(d.uploads.size(), 2u);  // the withdrawn one stays
    EXPECT_TRUE(d.uploads[0].withdrawn);
    EXPECT_EQ(d.uploads[0].withdraw_reason, "Nhầm tệp");
    EXPECT_EQ(d.uploads[0].withdrawn_by, "pnv");
    EXPECT_FALSE(d.uploads[1].withdrawn);
    EXPECT_EQ(d.uploads[1].file.name, "Tờ trình.pdf");

    auto listed = store->dossier_records("chau-thanh-2023", "2023");
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].events.size(), 2u);
    EXPECT_TRUE(store->dossier_records("chau-thanh-2023", "2024")->empty());
    auto uses = store->file_uses((*up)->file.id);
    ASSERT_EQ(uses->size(), 1u);
    EXPECT_EQ((*uses)[0].unit_id, "CT-PNV");
    EXPECT_EQ((*uses)[0].key.subject_id, "CT-PNV");

    AuditQuery q;
    q.subject = "dossier:*";
    auto log = store->find_audit(q);
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 5u);  // 2 uploads, 1 withdrawal, 2 steps; newest first
    EXPECT_EQ((*log)[0].action, "dossier-status");
    EXPECT_EQ((*log)[0].actor, "lan");
    EXPECT_EQ((*log)[2].action, "dossier-withdraw");
    q.subject = "file:*";
    EXPECT_EQ(store->find_audit(q)->size(), 2u);

    // The database itself refuses to change or delete any of it, whoever asks.
    auto db = raw();
    ASSERT_TRUE(db);
    for (const char* sql :
         {"UPDATE dossier_events SET reason = 'sửa'", "DELETE FROM dossier_events",
          "DELETE FROM dossier_upload_withdrawals", "DELETE FROM dossier_uploads",
          "UPDATE stored_files SET name = 'x'", "DELETE FROM stored_files",
          "UPDATE award_dossiers SET unit_id = 'CT-VP'", "DELETE FROM award_dossiers"})
        EXPECT_FALSE(db->run(sql)) << sql;
    EXPECT_EQ((*store->find_dossier(kKey))->uploads.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDossierTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
