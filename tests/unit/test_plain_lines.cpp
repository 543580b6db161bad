// people.csv, person_years.csv and registrations.csv read their plain lines in one pass
// (PlainLine.h) and give the TableReader every other line. Whatever mix of lines a file has, the
// result must be what the TableReader alone gives: the same dataset, or the same problems on the
// same lines. The TableReader alone reads a file whose header ends with an unnamed column (the
// plain readers only take DATA.md's columns in order), so each file is read twice, as written and
// with a trailing comma on every line, and the two results compared.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "DatasetCompare.h"
#include "io/dataset/DatasetReader.h"

namespace thidua {
namespace {

struct Line {
    std::string cells;
    std::string end = "\n";
};

using Choices = std::vector<std::string>;

const std::string& pick(std::mt19937& rng, const Choices& choices) {
    return choices[rng() % choices.size()];
}

std::string text_of(std::span<const Line> lines, bool trailing_column) {
    std::string out;
    for (const Line& line : lines)
        out += line.cells + (trailing_column ? "," : "") + line.end;
    return out;
}

const char* const kUnits =
    "id,name,type,parent_id,tags,successor_of,active_from,active_to\n"
    "KG,Tỉnh Kiên Giang,province,,,,,\n"
    "SNV,Sở Nội vụ,department,KG,,,,\n"
    "STP,Sở Tư pháp,department,KG,,,,\n";

const std::string kPeopleHeader = "id,name,unit_id,gender,par_role,resident,component,tags";
const std::string kYearsHeader =
    "person_id,year,unit_id,rating,excellent_par,initiative,initiative_level,ethics_ok,"
    "disciplined";

// Spellings DATA.md accepts, plain ones and others, so that both readers take turns.
const Choices kNames = {"Nguyễn Thị Hoa",    "Lê Văn Dân",   "Tran Van Nam",
                        "\"Phạm, Thị Lan\"", " Võ Thị Sáu ", "Nguye\xCC\x82\xCC\x83n Văn A",
                        "Đặng Thùy Trâm"};
const Choices kUnitIds = {"SNV", "STP", "KG"};
const Choices kGenders = {"", "nu", "nam", "Nữ", "NAM"};
const Choices kFlags = {"", "0", "1", "x", "có", "không", " 1"};
const Choices kComponents = {"", "ci-01", "ci-02"};
const Choices kTags = {"", "can-bo", "can-bo;lanh-dao", ";can-bo;;lanh-dao;", "a; b"};
const Choices kRatings = {"",       "htxs", "htt", "ht", "kht", "HTT", "Hoàn thành tốt nhiệm vụ",
                          "\"htt\""};
const Choices kLevels = {"", "national", "province", "district", "unit", "Cấp tỉnh"};
const Choices kDisciplined = {"", "0", "1", "review", "đang xem xét", "\"0\""};
const Choices kEnds = {"\n", "\n", "\n", "\r\n"};
const std::string kRegistrationsHeader = "subject_id,period,registered_on";
const Choices kPeriods = {"2021-2025", "2023", "2021 - 2025", "2021–2025", "\"2024\""};
const Choices kDates = {"2022-01-15", "15/01/2022", "44927", "2023-10-14 00:00:00", " 2022-03-01"};

std::string person_id(int k) {
    return "P" + std::to_string(10000 + k);
}

std::vector<Line> people_lines(std::mt19937& rng, int people) {
    std::vector<Line> lines = {{kPeopleHeader}};
    for (int k = 0; k < people; ++k) {
        lines.push_back({person_id(k) + "," + pick(rng, kNames) + "," + pick(rng, kUnitIds) + "," +
                             pick(rng, kGenders) + "," + pick(rng, kFlags) + "," +
                             pick(rng, kFlags) + "," + pick(rng, kComponents) + "," +
                             pick(rng, kTags),
                         pick(rng, kEnds)});
    }
    return lines;
}

std::vector<Line> year_lines(std::mt19937& rng, int people) {
    std::vector<Line> lines = {{kYearsHeader}};
    for (int k = 0; k < people; ++k) {
        for (int year = 2021; year <= 2025; ++year) {
            const std::string unit = rng() % 4 == 0 ? pick(rng, kUnitIds) : "";
            lines.push_back({person_id(k) + "," + std::to_string(year) + "," + unit + "," +
                                 pick(rng, kRatings) + "," + pick(rng, kFlags) + "," +
                                 pick(rng, kFlags) + "," + pick(rng, kLevels) + "," +
                                 pick(rng, kFlags) + "," + pick(rng, kDisciplined),
                             pick(rng, kEnds)});
        }
        if (rng() % 10 == 0) lines.push_back({""});  // a blank line is skipped
    }
    return lines;
}

// A registration a unit or a person (every fifth a unit).
std::vector<Line> registration_lines(std::mt19937& rng, int people) {
    std::vector<Line> lines = {{kRegistrationsHeader}};
    for (int k = 0; k < people; ++k) {
        const std::string subject = k % 5 == 0 ? pick(rng, kUnitIds) : person_id(k);
        lines.push_back(
            {subject + "," + pick(rng, kPeriods) + "," + pick(rng, kDates), pick(rng, kEnds)});
    }
    return lines;
}

DatasetFiles files(std::span<const Line> people, std::span<const Line> years,
                   std::span<const Line> registrations, bool trailing_column) {
    return {{"units.csv", kUnits},
            {"people.csv", text_of(people, trailing_column)},
            {"person_years.csv", text_of(years, trailing_column)},
            {"registrations.csv", text_of(registrations, trailing_column)}};
}

std::string shown(const Diagnostics& problems) {
    std::string out;
    for (const Diagnostic& d : problems)
        out += d.format() + "\n";
    return out;
}

TEST(PlainLines, ValidLinesOfEverySpellingReadAsTheTableReaderReadsThem) {
    std::mt19937 rng(7);
    const std::vector<Line> people = people_lines(rng, 400);
    const std::vector<Line> years = year_lines(rng, 400);
    const std::vector<Line> registrations = registration_lines(rng, 400);
    auto fast = read_dataset_from_memory(files(people, years, registrations, false));
    auto table = read_dataset_from_memory(files(people, years, registrations, true));
    ASSERT_TRUE(fast.has_value()) << shown(fast.error());
    ASSERT_TRUE(table.has_value()) << shown(table.error());
    EXPECT_EQ(testing_support::DatasetCompare()(*fast, *table), "");
    ASSERT_EQ(fast->people.size(), 400u);
    ASSERT_EQ(fast->registrations.size(), 400u);
    // The spellings were read, not dropped: a name made NFC, quoted, trimmed; a rating in words.
    const People& p = fast->people;
    for (size_t i = 0; i < p.size(); ++i) {
        EXPECT_EQ(p.name[i].find("\xCC\x82"), std::string::npos) << p.name[i];
        EXPECT_FALSE(p.name[i].starts_with(' ') || p.name[i].starts_with('"')) << p.name[i];
    }
}

// Bad cells anywhere in a line: each reader must report the same problems on the same lines.
std::string mangled(std::mt19937& rng, std::string cells) {
    static const Choices kBad = {"ZZZ", "20x1", "1989", "bogus", "2",       "maybe",
                                 "a b", "\"",   ",",    ",more", "P 1,2021"};
    switch (rng() % 4) {
        case 0:  // a cell replaced
        {
            size_t comma = 0;
            for (unsigned n = rng() % 6; n > 0 && comma != std::string::npos; --n)
                comma = cells.find(',', comma + 1);
            if (comma == std::string::npos) return cells + "," + pick(rng, kBad);
            const size_t next = cells.find(',', comma + 1);
            return cells.substr(0, comma + 1) + pick(rng, kBad) +
                   (next == std::string::npos ? "" : cells.substr(next));
        }
        case 1:  // cut short, though not inside a quoted cell, which would run to the end of the
                 // file
        {
            const std::string cut = cells.substr(0, rng() % (cells.size() + 1));
            return std::count(cut.begin(), cut.end(), '"') % 2 == 0 ? cut : cells;
        }
        case 2:  // a value past the last column
            return cells + ",extra";
        default:
            return cells;
    }
}

TEST(PlainLines, LinesWithProblemsAreReportedAsTheTableReaderReportsThem) {
    std::mt19937 rng(11);
    std::vector<Line> people = people_lines(rng, 300);
    std::vector<Line> years = year_lines(rng, 300);
    std::vector<Line> registrations = registration_lines(rng, 300);
    for (size_t i = 1; i < registrations.size(); ++i) {
        if (rng() % 6 == 0) registrations[i].cells = mangled(rng, registrations[i].cells);
    }
    for (size_t i = 1; i < people.size(); ++i) {
        if (rng() % 8 == 0) people[i].cells = mangled(rng, people[i].cells);
    }
    for (size_t i = 1; i < years.size(); ++i) {
        if (rng() % 8 == 0) years[i].cells = mangled(rng, years[i].cells);
    }
    auto fast = read_dataset_from_memory(files(people, years, registrations, false));
    auto table = read_dataset_from_memory(files(people, years, registrations, true));
    ASSERT_FALSE(fast.has_value());
    ASSERT_FALSE(table.has_value());
    EXPECT_GT(fast.error().size(), 50u);
    EXPECT_EQ(shown(fast.error()), shown(table.error()));
}

}  // namespace
}  // namespace thidua
