// `thidua gen`: the synthetic dataset reads back, is the same bytes for the same seed and
// differs for another; `evaluate --format summary` agrees with `--format json` on it.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include "RunCommand.h"

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "RunCommand.h"
#include "gen/SyntheticDataset.h"
#include "io/dataset/DatasetReader.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::array<std::string, 7> kFiles = {
    "units.csv",        "people.csv",        "unit_years.csv", "component_years.csv",
    "person_years.csv", "registrations.csv", "events.csv"};

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("thidua-gen-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void generate(const std::string& preset, uint64_t seed, const fs::path& dir) {
    thidua::gen::GenOptions o;
    o.preset = preset;
    o.seed = seed;
    auto counts = thidua::gen::generate_dataset(o, dir);
    ASSERT_TRUE(counts) << counts.error();
    ASSERT_GT(counts->people, 0);
}

using ProcessRun = thidua::testing_support::CommandRun;

ProcessRun run_thidua(const std::string& args) {
    return thidua::testing_support::run_command(std::string("'") + THIDUA_BINARY + "' " + args);
}

}  // namespace

TEST(Gen, TinyDatasetReadsBack) {
    TempDir dir("read");
    generate("tiny", 3, dir.path);
    auto data = thidua::read_dataset_dir(dir.path);
    ASSERT_TRUE(data) << (data.error().empty() ? "" : data.error().front().format());
    EXPECT_GT(data->units.size(), 20u);
}

TEST(Gen, SameSeedSameBytesOtherSeedDiffers) {
    TempDir a("a"), b("b"), c("c");
    generate("tiny", 42, a.path);
    generate("tiny", 42, b.path);
    generate("tiny", 43, c.path);
    bool differs = false;
    for (const std::string& f : kFiles) {
        const std::string fa = read_file(a.path / f);
        EXPECT_FALSE(fa.empty()) << f;
        EXPECT_EQ(fa, read_file(b.path / f)) << f;
        differs = differs || fa != read_file(c.path / f);
    }
    EXPECT_TRUE(differs);
}

TEST(Gen, RefusesAFolderWithOtherDatasetFiles) {
    TempDir dir("stale");
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "dossiers.csv") << "subject_id,award,period,document\n";
    thidua::gen::GenOptions o;
    o.preset = "tiny";
    EXPECT_FALSE(thidua::gen::generate_dataset(o, dir.path));
}

// The province preset (its units, 5% of its people: seconds in Debug) through the real binary: it
// reads back, and the summary agrees with the full JSON on every group's selection and ties.
TEST(Gen, ProvinceSummaryAgreesWithJson) {
    TempDir dir("province");
    const ProcessRun gen =
        run_thidua("gen --preset province --years 2021-2025 --seed 5 --people-percent 5 --out '" +
                   dir.path.string() + "' 2>/dev/null");
    ASSERT_EQ(gen.exit_code, 0);
    const std::string base = "evaluate --plan '" + std::string(THIDUA_SOURCE_DIR) +
                             "/plans/kien-giang-2021-2025.yaml' --data '" + dir.path.string() +
                             "' --period 2021-2025 --format ";
    const ProcessRun full = run_thidua(base + "json");
    const ProcessRun summary = run_thidua(base + "summary");
    ASSERT_EQ(full.exit_code, 0);
    ASSERT_EQ(summary.exit_code, 0);
    const json f = json::parse(full.out), s = json::parse(summary.out);
    ASSERT_EQ(f["awards"].size(), s["awards"].size());
    int selected = 0;
    for (size_t a = 0; a < f["awards"].size(); ++a) {
        const json &fa = f["awards"][a], &sa = s["awards"][a];
        EXPECT_EQ(fa["award"], sa["award"]);
        ASSERT_EQ(fa["groups"].size(), sa["groups"].size());
        for (size_t g = 0; g < fa["groups"].size(); ++g) {
            const json &fg = fa["groups"][g], &sg = sa["groups"][g];
            EXPECT_EQ(fg["group"], sg["group"]);
            EXPECT_EQ(fg["quota"], sg["quota"]);
            EXPECT_EQ(fg["selected"], sg["selected"]) << fg["group"];
            EXPECT_EQ(fg["tied"], sg["tied"]) << fg["group"];
            EXPECT_EQ(fg["open_seats"], sg["open_seats"]);
            int eligible = 0, ineligible = 0, incomplete = 0;
            for (const json& c : fg["candidates"]) {
                eligible += c["status"] == "eligible" ? 1 : 0;
                ineligible += c["status"] == "ineligible" ? 1 : 0;
                incomplete += c["status"] == "incomplete" ? 1 : 0;
            }
            EXPECT_EQ(sg["candidates"]["eligible"], eligible);
            EXPECT_EQ(sg["candidates"]["ineligible"], ineligible);
            EXPECT_EQ(sg["candidates"]["incomplete"], incomplete);
            EXPECT_EQ(sg["candidates"]["total"], fg["candidates"].size());
            selected += static_cast<int>(fg["selected"].size());
        }
    }
    EXPECT_GT(selected, 0);  // realistic data: someone wins something
}
