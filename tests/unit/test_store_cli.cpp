// The store through the `thidua` binary: import, plan save, evaluate --db with a stored plan id
// (byte-identical JSON to evaluate --data, every period of every sample), units --search, and a
// bad dataset refused with exit 2 and the store unchanged.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "StoreTestSupport.h"
#include "ZipBuilder.h"
#include "io/plan/PlanLoader.h"

namespace thidua {
namespace {

class StoreCliTest : public testing_support::StoreTest {};

struct CliRun {
    int exit_code = -1;
    std::string out;
};

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

CliRun thidua(const std::string& args, const std::string& stderr_path = "/dev/null") {
    CliRun r;
    FILE* pipe =
        popen((std::string(THIDUA_BINARY) + " " + args + " 2>" + quoted(stderr_path)).c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 4096> buffer;
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        r.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::vector<std::string> plan_period_ids(const std::string& plan_file) {
    std::vector<std::string> out;
    auto plan = load_plan(plan_file);
    if (!plan) return out;
    for (const Period& p : plan_periods((*plan)->spec))
        out.push_back(p.id);
    return out;
}

TEST_P(StoreCliTest, EvaluateByStoredPlanIdGivesTheSameJson) {
    const std::string root = THIDUA_SOURCE_DIR;
    for (const std::string& name : testing_support::sample_names()) {
        SCOPED_TRACE(name);
        TearDown();
        SetUp();
        const std::string db_now = quoted(url());
        const std::string data = root + "/samples/" + name,
                          plan = root + "/plans/" + name + ".yaml";
        ASSERT_EQ(thidua("import --db " + db_now + " " + data).exit_code, 0);
        ASSERT_EQ(thidua("plan save --db " + db_now + " " + plan).exit_code, 0);
        for (const std::string& period : plan_period_ids(plan)) {
            const CliRun files = thidua("evaluate --format json --period " + period + " --plan " +
                                        plan + " --data " + data);
            const CliRun store = thidua("evaluate --format json --period " + period + " --plan " +
                                        name + " --db " + db_now);
            ASSERT_EQ(files.exit_code, 0);
            ASSERT_EQ(store.exit_code, 0);
            EXPECT_EQ(files.out, store.out) << period;
        }
    }
}

TEST_P(StoreCliTest, BadDataExitsTwoAndLeavesTheStoreUnchanged) {
    const std::string root = THIDUA_SOURCE_DIR, db = quoted(url());
    ASSERT_EQ(thidua("import --db " + db + " " + root + "/samples/chau-thanh-2023").exit_code, 0);
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("thidua-bad-{}-{}", ::getpid(), GetParam());
    std::filesystem::create_directories(dir);
    {
        std::ofstream units(dir / "units.csv");
        units << "id,name,type\nX1,Xã Mỹ Hòa,commune\nX2,Xã Tân Lập,village\n";
    }
    EXPECT_EQ(thidua("import --db " + db + " " + dir.string()).exit_code, 2);
    std::filesystem::remove_all(dir);
    const CliRun listed = thidua("units --db " + db + " --search 'my hoa'");
    EXPECT_EQ(listed.exit_code, 0);
    EXPECT_EQ(listed.out, "");
    const CliRun all = thidua("units --db " + db + " --search 'chau thanh'");
    EXPECT_NE(all.out.find("Châu Thành"), std::string::npos) << all.out;
}

TEST_P(StoreCliTest, WorkbookWithABadCellIsRefusedNamingTheCell) {
    const std::string root = THIDUA_SOURCE_DIR, db = quoted(url());
    ASSERT_EQ(thidua("import --db " + db + " " + root + "/samples/chau-thanh-2023").exit_code, 0);
    const CliRun before = thidua("units --db " + db);
    std::string rows = testing_support::inline_row(1, {"id", "name", "type"});
    rows += testing_support::inline_row(2, {"X1", "Xã Mỹ Hòa", "commune"});
    rows += testing_support::inline_row(3, {"X2", "Xã Tân Lập", "lang"});
    const auto book = std::filesystem::temp_directory_path() /
                      fmt::format("thidua-bad-{}-{}.xlsx", ::getpid(), GetParam());
    {
        std::ofstream out(book, std::ios::binary);
        out << testing_support::xlsx_package({{"units", rows}});
    }
    const std::string err = book.string() + ".err";
    const CliRun run = thidua("import --db " + db + " " + book.string(), err);
    std::ifstream in(err);
    const std::string message((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    std::filesystem::remove(book);
    std::filesystem::remove(err);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(message.find("C3"), std::string::npos) << message;
    EXPECT_NE(message.find("lang"), std::string::npos) << message;
    EXPECT_EQ(thidua("units --db " + db).out, before.out);  // nothing of the workbook stored
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCliTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
