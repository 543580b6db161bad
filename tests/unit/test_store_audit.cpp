// The audit log's filtered pages on both engines: by actor, action, subject (exact and prefix),
// time range (a bare `to` date covering its day), paging with before_id, newest first.

#include "StoreTestSupport.h"

namespace thidua {
namespace {

class StoreAuditTest : public testing_support::StoreTest {};

std::vector<int64_t> ids(const std::vector<AuditEntry>& entries) {
    std::vector<int64_t> out;
    for (const AuditEntry& e : entries)
        out.push_back(e.id);
    return out;
}

TEST_P(StoreAuditTest, FiltersAndPagesNewestFirst) {
    auto store = open();
    ASSERT_TRUE(store);
    const AuditEntry entries[] = {
        {0, "2026-03-01T08:00:00.000Z", "lan", "plan-save", "kien-giang-2021-2025", "{}"},
        {0, "2026-03-01T23:59:59.999Z", "minh", "import", "kien-giang-2021-2025", "{}"},
        {0, "2026-03-02T00:00:00.000Z", "lan", "plan-save", "kien-giang-phu-quoc", "{}"},
        {0, "2026-03-03T10:00:00.000Z", "lan", "plan-template-save", "soc-trang-2021-2030", "{}"},
        {0, "2026-03-04T10:00:00.000Z", "minh", "plan-save", "kien", "{}"},
    };
    for (const AuditEntry& e : entries)
        ASSERT_TRUE(store->append_audit(e));
    auto all = store->audit_log();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 5u);
    const int64_t first = (*all)[0].id;
    auto id = [&](int i) { return first + i; };  // ids count up from the first entry

    // Built field by field: designated initializers that skip fields warn in g++ 12.
    auto make = [](auto set) {
        AuditQuery q;
        set(q);
        return q;
    };
    auto find = [&](AuditQuery q) {
        auto found = store->find_audit(q);
        EXPECT_TRUE(found) << found.error().format();
        return found ? ids(*found) : std::vector<int64_t>{};
    };
    EXPECT_EQ(find(AuditQuery{}), (std::vector<int64_t>{id(4), id(3), id(2), id(1), id(0)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.actor = "lan"; })),
              (std::vector<int64_t>{id(3), id(2), id(0)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.action = "plan-save"; })),
              (std::vector<int64_t>{id(4), id(2), id(0)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.subject = "kien-giang-2021-2025"; })),
              (std::vector<int64_t>{id(1), id(0)}));
    // "kien-giang*" is a prefix: not "kien", not a LIKE pattern ("kien_giang*" finds nothing).
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.subject = "kien-giang*"; })),
              (std::vector<int64_t>{id(2), id(1), id(0)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.subject = "kien_giang*"; })),
              std::vector<int64_t>{});
    // `to` as a date covers the whole day, the last millisecond included.
    EXPECT_EQ(find(make([&](AuditQuery& q) {
                  q.from = "2026-03-01";
                  q.to = "2026-03-01";
              })),
              (std::vector<int64_t>{id(1), id(0)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) {
                  q.from = "2026-03-02";
                  q.to = "2026-03-03T09:00:00.000Z";
              })),
              std::vector<int64_t>{id(2)});
    EXPECT_EQ(find(make([&](AuditQuery& q) {
                  q.actor = "lan";
                  q.action = "plan-save";
                  q.subject = "kien*";
              })),
              (std::vector<int64_t>{id(2), id(0)}));
    // Pages of two.
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.limit = 2; })),
              (std::vector<int64_t>{id(4), id(3)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) {
                  q.before_id = id(3);
                  q.limit = 2;
              })),
              (std::vector<int64_t>{id(2), id(1)}));
    EXPECT_EQ(find(make([&](AuditQuery& q) {
                  q.before_id = id(1);
                  q.limit = 2;
              })),
              std::vector<int64_t>{id(0)});
    // Values are parameters, never SQL.
    EXPECT_EQ(find(make([&](AuditQuery& q) { q.actor = "lan' OR '1'='1"; })),
              std::vector<int64_t>{});
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreAuditTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
