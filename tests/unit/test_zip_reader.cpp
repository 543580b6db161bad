#include <fstream>

#include <gtest/gtest.h>

#include "DatasetCompare.h"
#include "FullDataset.h"
#include "ZipBuilder.h"
#include "io/DatasetSource.h"
#include "io/zip/ZipArchive.h"
#include "io/zip/ZipDatasetReader.h"

using namespace thidua;
using namespace thidua::testing_support;

namespace {

tl::expected<Dataset, Diagnostics> read(const std::string& bytes) {
    Diagnostics warnings;
    return read_dataset_zip_from_memory(bytes, "data.zip", warnings);
}

ZipEntries full_entries(const std::string& folder) {
    ZipEntries e;
    for (const auto& [name, content] : full_dataset_files())
        e.push_back({folder + name, content});
    return e;
}

}  // namespace

TEST(ZipReader, ReadsCsvFilesAtTheRoot) {
    auto data = read(build_zip(full_entries("")));
    ASSERT_TRUE(data) << data.error().front().format();
    EXPECT_EQ(dataset_difference(full_dataset(), *data), "");
}

TEST(ZipReader, ReadsCsvFilesInOneFolderAndSkipsMacOsDebris) {
    ZipEntries e = full_entries("du-lieu/");
    e.push_back({"__MACOSX/du-lieu/._units.csv", "junk"});
    e.push_back({"du-lieu/ghi-chu.txt", "notes"});
    auto data = read(build_zip(e));
    ASSERT_TRUE(data) << data.error().front().format();
    EXPECT_EQ(data->units.size(), 4u);
}

TEST(ZipReader, ProblemsNameTheEntry) {
    auto data = read(build_zip({{"2024/units.csv", "id,name,type\nA,Một,tinh\n"}}));
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error()[0].file, "data.zip/2024/units.csv");
    EXPECT_EQ(data.error()[0].line, 2);
}

TEST(ZipReader, RefusesFilesSpreadOverFolders) {
    auto data = read(build_zip({{"a/units.csv", "id,name,type\n"}, {"b/people.csv", "id\n"}}));
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message_en.find("same folder"), std::string::npos);
}

TEST(ZipReader, RefusesAnArchiveWithoutCsv) {
    auto data = read(build_zip({{"readme.txt", "x"}}));
    ASSERT_FALSE(data);
}

TEST(ZipReader, ReadsFromAPath) {
    TempDir dir("thidua-zip");
    const auto path = dir.path() / "data.ZIP";
    std::ofstream(path, std::ios::binary) << build_zip(full_entries(""));
    auto data = read_dataset_path(path);
    ASSERT_TRUE(data) << data.error().front().format();
    EXPECT_EQ(data->units.size(), 4u);
}

TEST(ZipArchiveLimits, TooManyEntries) {
    ZipEntries e;
    for (int i = 0; i < 5; ++i)
        e.push_back({"f" + std::to_string(i), "x"});
    ZipLimits limits;
    limits.max_entries = 4;
    auto bytes = build_zip(e);
    auto archive = ZipArchive::open_memory(bytes, limits);
    ASSERT_FALSE(archive);
    EXPECT_NE(archive.error().en.find("too many entries"), std::string::npos);
}

TEST(ZipArchiveLimits, RatioAndTotalSize) {
    const std::string bytes = build_zip({{"units.csv", std::string(4 << 20, 'a')}});
    ZipLimits ratio;
    ratio.max_ratio = 50;
    auto bomb = ZipArchive::open_memory(bytes, ratio);
    ASSERT_FALSE(bomb);
    EXPECT_NE(bomb.error().en.find("zip bomb"), std::string::npos);
    ZipLimits total;
    total.max_total_bytes = 1 << 20;
    EXPECT_FALSE(ZipArchive::open_memory(bytes, total));
    EXPECT_FALSE(ZipArchive::open_memory(bytes));  // 4 MB of one letter is ~1000:1
    std::string rows;
    for (int i = 0; rows.size() < (4u << 20); ++i)
        rows += "KG-CB-" + std::to_string(i) + "," + std::to_string(2021 + i % 5) +
                ",KG-SNV,htt,0,0,0\n";
    EXPECT_TRUE(ZipArchive::open_memory(build_zip({{"person_years.csv", rows}})));
}

TEST(ZipArchiveLimits, DefaultsRefuseARealBomb) {
    // 64 MB of zeros compress about 1000 to 1: far over what a real sheet reaches.
    auto data = read(build_zip({{"units.csv", std::string(size_t(64) << 20, '\0')}}));
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message_en.find("zip bomb"), std::string::npos);
}
