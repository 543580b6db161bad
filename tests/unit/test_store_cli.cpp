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

// `thidua remind` with a fixed day: on 23/03/2025 the Kiên Giang sample's 2025 registrations are
// due in a week (30/03) and its 2024 dossiers in three days (26/03), so reminders fire; the store
// has no user yet, so none is added. A day that is not a date is bad input.
TEST_P(StoreCliTest, RemindRunsTheJobForAFixedDay) {
    const std::string root = THIDUA_SOURCE_DIR;
    const std::string db = quoted(url());
    ASSERT_EQ(thidua("import --db " + db + " " + root + "/samples/kien-giang-2021-2025").exit_code,
              0);
    ASSERT_EQ(
        thidua("plan save --db " + db + " " + root + "/plans/kien-giang-2021-2025.yaml").exit_code,
        0);
    const CliRun dry = thidua("remind --db " + db + " --today 2025-03-23 --dry-run");
    EXPECT_EQ(dry.exit_code, 0);
    EXPECT_NE(dry.out.find("(thử, không lưu) 23/03/2025"), std::string::npos) << dry.out;
    EXPECT_EQ(dry.out.find(" 0 nhắc đến hạn"), std::string::npos) << dry.out;
    const CliRun quiet = thidua("remind --db " + db + " --today 2025-05-15");
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_NE(quiet.out.find(" 0 nhắc đến hạn, 0 thông báo mới"), std::string::npos) << quiet.out;
    EXPECT_EQ(thidua("remind --db " + db + " --today 23/03/2025").exit_code, 2);
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

// The whole dataset is checked before the store is touched: a bad row in the file read last
// leaves a fresh store without any of the rows of the files read before it.
TEST_P(StoreCliTest, ABadRowInTheLastFileLeavesAFreshStoreWithoutData) {
    const std::string db = quoted(url());
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("thidua-bad-last-{}-{}", ::getpid(), GetParam());
    std::filesystem::copy(std::filesystem::path(THIDUA_SOURCE_DIR) / "samples/kien-giang-2021-2025",
                          dir);
    {
        std::ofstream dossiers(dir / "dossiers.csv", std::ios::app);
        dossiers << "KHONG-CO,co-thi-dua,2021-2025,to-trinh,1,2026-02-06\n";
    }
    const std::string errors = (dir / "errors.txt").string();
    EXPECT_EQ(thidua("import --db " + db + " " + dir.string(), errors).exit_code, 2);
    std::ifstream in(errors);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove_all(dir);
    EXPECT_NE(text.find("dossiers.csv"), std::string::npos) << text;
    EXPECT_NE(text.find("KHONG-CO"), std::string::npos) << text;
    const CliRun listed = thidua("units --db " + db + " --search 'kien giang'");
    EXPECT_EQ(listed.exit_code, 0);
    EXPECT_EQ(listed.out, "");
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

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// thidua doc: a document from files and from the store gives the same bytes (dated, so the
// clock does not enter), workbooks, the template and field listings, and refusals with exit 2.
TEST_P(StoreCliTest, DocWritesDocumentsAndWorkbooksFromFilesOrTheStore) {
    const std::string root = THIDUA_SOURCE_DIR;
    const auto dir =
        std::filesystem::temp_directory_path() / ("thidua-doc-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string plan = root + "/plans/chau-thanh-2023.yaml";
    const std::string data = root + "/samples/chau-thanh-2023";
    const std::string common = " --period 2023 --date 2024-01-15 --out ";
    const auto from_files = dir / "a.docx", from_store = dir / "b.docx";
    ASSERT_EQ(thidua("doc to-trinh --plan " + plan + " --data " + data + common +
                     quoted(from_files.string()))
                  .exit_code,
              0);
    const std::string db = quoted(url());
    ASSERT_EQ(thidua("import --db " + db + " " + data).exit_code, 0);
    ASSERT_EQ(thidua("plan save --db " + db + " " + plan).exit_code, 0);
    ASSERT_EQ(thidua("doc to-trinh --db " + db + " --plan chau-thanh-2023" + common +
                     quoted(from_store.string()))
                  .exit_code,
              0);
    const std::string a = read_bytes(from_files);
    EXPECT_TRUE(a.starts_with("PK"));
    EXPECT_EQ(a, read_bytes(from_store));

    const auto xlsx = dir / "bang.xlsx";
    EXPECT_EQ(
        thidua("doc bang-ho-so --plan " + plan + " --data " + data + common + quoted(xlsx.string()))
            .exit_code,
        0);
    EXPECT_TRUE(read_bytes(xlsx).starts_with("PK"));
    const auto tpl = dir / "mau.docx";
    EXPECT_EQ(thidua("doc quyet-dinh --default-template --out " + quoted(tpl.string())).exit_code,
              0);
    EXPECT_TRUE(read_bytes(tpl).starts_with("PK"));
    EXPECT_NE(thidua("doc --list").out.find("bao-cao-thanh-tich"), std::string::npos);
    EXPECT_NE(thidua("doc quyet-dinh --fields").out.find("{{#dieu_khen}}"), std::string::npos);

    const std::string base = " --plan " + plan + " --data " + data + " --period 2023 --out ";
    EXPECT_EQ(thidua("doc khong-co" + base + quoted((dir / "x.docx").string())).exit_code, 2);
    EXPECT_EQ(thidua("doc dang-ky-thi-dua" + base + quoted((dir / "x.docx").string())).exit_code,
              2);
    EXPECT_EQ(thidua("doc dang-ky-thi-dua --unit KHONG" + base + quoted((dir / "x.docx").string()))
                  .exit_code,
              2);
    EXPECT_EQ(thidua("doc to-trinh" + base + quoted((dir / "x.txt").string())).exit_code, 2);
    EXPECT_EQ(thidua("doc bang-ho-so" + base + quoted((dir / "x.docx").string())).exit_code, 2);
    EXPECT_EQ(thidua("doc to-trinh --date 15/01/2024" + base + quoted((dir / "x.docx").string()))
                  .exit_code,
              2);
    EXPECT_FALSE(std::filesystem::exists(dir / "x.docx"));
    std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCliTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
