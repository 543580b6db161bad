#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "DatasetCompare.h"
#include "FullDataset.h"
#include "io/DatasetSource.h"
#include "io/write/CsvWriter.h"

using namespace thidua;
using namespace thidua::testing_support;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string record(std::vector<std::string_view> fields) {
    std::ostringstream out;
    write_csv_record(out, fields);
    return out.str();
}

}  // namespace

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(record({"a", "", "Hà Nội"}), "a,,Hà Nội\r\n");
    EXPECT_EQ(record({"a,b", "say \"hi\"", "two\nlines"}),
              "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    EXPECT_EQ(record({" lead", "cr\r"}), "\" lead\",\"cr\r\"\r\n");
}

TEST(DatasetCsvWriter, FullDatasetRoundTrips) {
    const Dataset original = full_dataset();
    ASSERT_FALSE(original.units.empty());
    TempDir dir("thidua-csv-rt");
    ASSERT_TRUE(write_dataset_path(original, dir.path()));
    auto back = read_dataset_path(dir.path());
    ASSERT_TRUE(back) << back.error().front().format();
    EXPECT_EQ(dataset_difference(original, *back), "");
}

TEST(DatasetCsvWriter, WritesEveryColumnAndIdsForReferences) {
    TempDir dir("thidua-csv-cols");
    ASSERT_TRUE(write_dataset_path(full_dataset(), dir.path()));
    const std::string people = slurp(dir.path() / "people.csv");
    EXPECT_EQ(people.substr(0, people.find('\r')),
              "id,name,unit_id,gender,par_role,resident,component,tags");
    EXPECT_NE(people.find("P2,Trần Văn Đức,PQ,nam,0,1,,\r\n"), std::string::npos);
    const std::string units = slurp(dir.path() / "units.csv");
    EXPECT_NE(units.find("PQ,Thành phố Phú Quốc,district,KG,,007;SNV,2020-02-29,\r\n"),
              std::string::npos);
}

TEST(DatasetCsvWriter, SamplesRoundTrip) {
    for (const char* sample : {"kien-giang-2021-2025", "soc-trang-2021-2030", "nga-nam-2021-2030",
                               "chau-thanh-2023", "phu-quoc-2021-2025"}) {
        auto original =
            read_dataset_path(std::filesystem::path(THIDUA_SOURCE_DIR) / "samples" / sample);
        ASSERT_TRUE(original) << sample;
        TempDir dir(std::string("thidua-csv-") + sample);
        ASSERT_TRUE(write_dataset_path(*original, dir.path()));
        auto back = read_dataset_path(dir.path());
        ASSERT_TRUE(back) << sample << ": " << back.error().front().format();
        EXPECT_EQ(dataset_difference(*original, *back), "") << sample;
    }
}

TEST(DatasetCsvWriter, RefusesAFolderWithAStaleDatasetFile) {
    TempDir dir("thidua-csv-stale");
    std::ofstream(dir.path() / "events.csv") << "event,year,date\n";
    Dataset data = full_dataset();
    data.has_events = false;
    data.events.clear();
    auto written = write_dataset_path(data, dir.path());
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().front().file.find("events.csv"), std::string::npos);
}

TEST(DatasetCsvWriter, LeavesNoTemporaryFiles) {
    TempDir dir("thidua-csv-tmp");
    ASSERT_TRUE(write_dataset_path(full_dataset(), dir.path()));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();
}
