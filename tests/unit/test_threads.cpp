// Reading a CSV text in line-aligned parts on several threads gives what one thread gives: the
// same parts joined, the same lines, the same dataset and the same problems in the same order;
// and deciding candidates on several threads gives the same evaluation.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "DatasetCompare.h"
#include "FullDataset.h"
#include "eval/Evaluator.h"
#include "gen/SyntheticDataset.h"
#include "io/dataset/CsvParts.h"
#include "io/dataset/DatasetReader.h"
#include "io/plan/PlanLoader.h"
#include "plan/Period.h"
#include "present/JsonReport.h"

namespace {

using thidua::cut_at_lines;
using thidua::scan_part;

std::string rows_text(int rows) {
    std::string text;
    for (int i = 0; i < rows; ++i)
        text += "P" + std::to_string(i) + ",2023,htt\n";
    return text;
}

std::string joined(const std::vector<std::string_view>& parts) {
    std::string out;
    for (std::string_view p : parts)
        out += p;
    return out;
}

TEST(CsvParts, PartsEndAtLineEndsAndCountThem) {
    const std::string text = rows_text(1000);
    const auto parts = cut_at_lines(text, 3, 100);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(joined(parts), text);
    size_t row = 0;
    for (std::string_view p : parts) {
        EXPECT_EQ(p.back(), '\n');
        // Each part starts with a whole row: "P<n>,".
        EXPECT_EQ(p.substr(0, p.find(',')), "P" + std::to_string(row));
        const auto scan = scan_part(p);
        EXPECT_TRUE(scan.apart);
        EXPECT_EQ(scan.line_ends, static_cast<size_t>(std::count(p.begin(), p.end(), '\n')));
        row += scan.line_ends;
    }
    EXPECT_EQ(row, 1000u);
    EXPECT_EQ(cut_at_lines(rows_text(3), 4, 100).size(), 1u);
}

// Quotes and lone CRs anywhere (at the edges of the scan's blocks too); CRLF line ends, even
// split across two blocks, keep a part apart.
TEST(CsvParts, QuotesAndLoneCarriageReturnsKeepAPartFromBeingReadApart) {
    const std::string rows = rows_text(400);
    for (size_t at = 0; at < 600; at += 7) {
        std::string quoted = rows, lone_cr = rows;
        quoted.insert(at, "\"");
        lone_cr.insert(rows[at] == '\n' ? at + 1 : at, "\r");  // not before a LF
        EXPECT_FALSE(scan_part(quoted).apart) << at;
        EXPECT_FALSE(scan_part(lone_cr).apart) << at;
    }
    EXPECT_FALSE(scan_part(rows + "P,2023,htt\r").apart);  // a CR ending the text
    for (size_t pad = 0; pad < 40; ++pad) {
        std::string crlf(pad, 'x');
        for (int i = 0; i < 1000; ++i)
            crlf += "P" + std::to_string(i) + ",2023\r\n";
        const auto scan = scan_part(crlf);
        EXPECT_TRUE(scan.apart) << pad;
        EXPECT_EQ(scan.line_ends, 1000u);
    }
}

// A quoted file cut in parts is still read whole: its rows, lines and problems are those of one
// thread (a quoted cell may hold a line feed).
TEST(CsvParts, AQuotedFileIsReadWholeOnAnyNumberOfThreads) {
    std::string people = "id,name,unit_id\n", years = "person_id,year,rating\n";
    for (int p = 0; p < 2000; ++p) {
        people += "P" + std::to_string(p) + ",Người,U\n";
        for (int year = 1990; year < 2090; ++year)
            years += "P" + std::to_string(p) + "," + std::to_string(year) + ",htt\n";
    }
    years += "\"P1\",2095,\"ht\nt\"\nP2,2096,bad\n";
    const thidua::DatasetFiles files = {{"units.csv", "id,name,type\nU,Đơn vị,office\n"},
                                        {"people.csv", people},
                                        {"person_years.csv", years}};
    ::setenv("THIDUA_THREADS", "4", 1);
    const auto four = thidua::read_dataset_from_memory(files);
    ::setenv("THIDUA_THREADS", "1", 1);
    const auto one = thidua::read_dataset_from_memory(files);
    ::unsetenv("THIDUA_THREADS");
    ASSERT_FALSE(one);
    ASSERT_FALSE(four);
    ASSERT_EQ(one.error().size(), four.error().size());
    for (size_t i = 0; i < one.error().size(); ++i)
        EXPECT_EQ(one.error()[i].format(), four.error()[i].format());
    // 200,000 rows from line 2; the rating with a line feed on line 200,002, the bad one on
    // line 200,004.
    ASSERT_EQ(four.error().size(), 2u);
    EXPECT_EQ(four.error().front().line, 200002);
    EXPECT_EQ(four.error().back().line, 200004);
}

class ReaderThreads {
public:
    explicit ReaderThreads(int n) { ::setenv("THIDUA_THREADS", std::to_string(n).c_str(), 1); }
    ~ReaderThreads() { ::unsetenv("THIDUA_THREADS"); }
};

auto read_with_threads(const std::filesystem::path& dir, int threads) {
    ReaderThreads set(threads);
    return thidua::read_dataset_dir(dir);
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// The n-th line (1-based) of a text, replaced.
std::string replace_line(const std::string& text, int n, const std::string& with) {
    size_t begin = 0;
    for (int i = 1; i < n; ++i)
        begin = text.find('\n', begin) + 1;
    const size_t end = text.find('\n', begin);
    return text.substr(0, begin) + with + text.substr(end);
}

std::string line_of(const std::string& text, int n) {
    size_t begin = 0;
    for (int i = 1; i < n; ++i)
        begin = text.find('\n', begin) + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
}

// The province preset (74,040 people): files large enough to be read in parts.
bool generate_province(const std::filesystem::path& dir) {
    thidua::gen::GenOptions o;
    o.preset = "province";
    return static_cast<bool>(thidua::gen::generate_dataset(o, dir));
}

TEST(CsvParts, DatasetReadOnFourThreadsEqualsOneThread) {
    thidua::testing_support::TempDir dir("thidua-parts");
    ASSERT_TRUE(generate_province(dir.path()));
    const auto one = read_with_threads(dir.path(), 1);
    const auto four = read_with_threads(dir.path(), 4);
    ASSERT_TRUE(one) << one.error().front().format();
    ASSERT_TRUE(four) << four.error().front().format();
    EXPECT_EQ(thidua::testing_support::DatasetCompare()(*one, *four), "");
    EXPECT_EQ(one->person_index.size(), four->person_index.size());
}

TEST(CsvParts, ProblemsInEveryPartAreListedInFileOrder) {
    thidua::testing_support::TempDir dir("thidua-parts-bad");
    ASSERT_TRUE(generate_province(dir.path()));
    const auto people_path = dir.path() / "people.csv";
    const auto years_path = dir.path() / "person_years.csv";
    std::string people = read_text(people_path);
    std::string years = read_text(years_path);
    const int people_rows = static_cast<int>(std::count(people.begin(), people.end(), '\n'));
    const int year_rows = static_cast<int>(std::count(years.begin(), years.end(), '\n'));
    // A duplicate id near the end (of a person near the start), a bad gender in the middle.
    const std::string first_person = line_of(people, 2);
    people = replace_line(people, people_rows - 1, first_person);
    std::string middle = line_of(people, people_rows / 2);
    middle.replace(
        middle.find(",nu,") != std::string::npos ? middle.find(",nu,") : middle.find(",nam,"), 4,
        ",ba,");
    people = replace_line(people, people_rows / 2, middle);
    // Bad ratings at the start, the middle and the end of person_years.csv.
    for (int line : {3, year_rows / 2, year_rows - 1}) {
        std::string row = line_of(years, line);
        const size_t at =
            row.find(",htt,") != std::string::npos ? row.find(",htt,") : row.find(",htxs,");
        if (at == std::string::npos) continue;
        row.replace(at, row.find(',', at + 1) - at, ",rat-tot");
        years = replace_line(years, line, row);
    }
    write_text(people_path, people);
    write_text(years_path, years);
    const auto one = read_with_threads(dir.path(), 1);
    const auto four = read_with_threads(dir.path(), 4);
    ASSERT_FALSE(one);
    ASSERT_FALSE(four);
    ASSERT_GE(one.error().size(), 3u);
    ASSERT_EQ(one.error().size(), four.error().size());
    for (size_t i = 0; i < one.error().size(); ++i)
        EXPECT_EQ(one.error()[i].format(), four.error()[i].format());
    bool duplicate = false;
    for (const auto& d : four.error())
        duplicate = duplicate || (d.file == "people.csv" && d.line == people_rows - 1);
    EXPECT_TRUE(duplicate);
}

// person_years.csv's slots are filled by several threads, each for a range of people: a row
// repeated far from its first (another part, another thread's people) is still the one
// reported, naming the first row in the file, and the problems come in file order.
TEST(CsvParts, RepeatedPersonYearsAcrossPartsAreReportedAgainstTheFirstInTheFile) {
    thidua::testing_support::TempDir dir("thidua-parts-repeat");
    ASSERT_TRUE(generate_province(dir.path()));
    const auto years_path = dir.path() / "person_years.csv";
    std::string years = read_text(years_path);
    const int last = static_cast<int>(std::count(years.begin(), years.end(), '\n'));
    // Line 3 now holds a row of a person near the end, whose own row comes later; a row of the
    // person of line 4 is repeated near the end.
    const std::string near_end = line_of(years, last - 1);
    const std::string early = line_of(years, 4);
    years = replace_line(years, 3, near_end);
    years = replace_line(years, last - 2, early);
    write_text(years_path, years);
    for (int threads : {1, 4}) {
        const auto read = read_with_threads(dir.path(), threads);
        ASSERT_FALSE(read);
        std::vector<std::string> repeats;
        for (const auto& d : read.error()) {
            if (d.file == "person_years.csv")
                repeats.push_back(std::to_string(d.line) + " " + d.message_en);
        }
        ASSERT_EQ(repeats.size(), 2u) << threads;
        EXPECT_NE(repeats[0].find(std::to_string(last - 2) + " duplicate row"), std::string::npos)
            << repeats[0];
        EXPECT_NE(repeats[0].find("already on row 4"), std::string::npos) << repeats[0];
        EXPECT_NE(repeats[1].find(std::to_string(last - 1) + " duplicate row"), std::string::npos)
            << repeats[1];
        EXPECT_NE(repeats[1].find("already on row 3"), std::string::npos) << repeats[1];
    }
}

// registrations.csv is read in parts once it passes a megabyte (a national one has hundreds of
// thousands of rows): the rows keep their file order and the problems their lines.
TEST(CsvParts, RegistrationsReadInPartsKeepTheirOrderAndLines) {
    thidua::testing_support::TempDir dir("thidua-parts-registrations");
    ASSERT_TRUE(generate_province(dir.path()));
    const auto path = dir.path() / "registrations.csv";
    const std::string original = read_text(path);
    const std::string header = line_of(original, 1);
    const std::string rows = original.substr(header.size() + 1);
    std::string text = header + "\nKHONG-CO-AI,2021-2025,2022-01-10\n";
    while (text.size() < (size_t{3} << 20))
        text += rows;
    const int middle = static_cast<int>(std::count(text.begin(), text.end(), '\n')) / 2;
    text = replace_line(text, middle, "KHONG-CO-AI-2,2021-2025,2022-01-10");
    text += "KHONG-CO-AI-3,2021-2025,2022-01-10\n";
    write_text(path, text);
    const auto one = read_with_threads(dir.path(), 1);
    const auto four = read_with_threads(dir.path(), 4);
    ASSERT_FALSE(one);
    ASSERT_FALSE(four);
    ASSERT_EQ(one.error().size(), 3u);
    ASSERT_EQ(four.error().size(), 3u);
    const int last = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const int lines[] = {2, middle, last};
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(four.error()[i].format(), one.error()[i].format());
        EXPECT_EQ(four.error()[i].line, lines[i]);
    }
    // Without the bad rows both read the same registrations, in the same order.
    text = replace_line(text, last, "");
    text = replace_line(text, middle, line_of(text, middle + 1));
    text = replace_line(text, 2, line_of(text, 3));
    write_text(path, text);
    const auto clean_one = read_with_threads(dir.path(), 1);
    const auto clean_four = read_with_threads(dir.path(), 4);
    ASSERT_TRUE(clean_one) << clean_one.error().front().format();
    ASSERT_TRUE(clean_four) << clean_four.error().front().format();
    ASSERT_GT(clean_four->registrations.size(), 10000u);
    EXPECT_EQ(thidua::testing_support::DatasetCompare()(*clean_one, *clean_four), "");
}

}  // namespace

// The province preset (74,040 people) and the phase 2021-2025 of the Kiên Giang plan, made once
// for the tests of evaluating a large individual award.
class ParallelEvaluation : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<thidua::testing_support::TempDir>("thidua-parallel-eval");
        if (!generate_province(s_dir->path())) return;
        auto data = thidua::read_dataset_dir(s_dir->path());
        if (data) s_data = std::make_unique<thidua::Dataset>(std::move(*data));
        auto plan = thidua::load_plan(THIDUA_SOURCE_DIR "/plans/kien-giang-2021-2025.yaml");
        if (!plan) return;
        s_plan = std::move(*plan);
        if (auto period = thidua::find_period(s_plan->spec, "2021-2025")) s_period = *period;
    }
    static void TearDownTestSuite() {
        s_data.reset();
        s_plan.reset();
        s_dir.reset();
    }
    void SetUp() override {
        ASSERT_TRUE(s_data);
        ASSERT_TRUE(s_plan);
        ASSERT_TRUE(s_period);
    }
    static thidua::EvaluationResult evaluate(const thidua::EvaluateOptions& options) {
        return thidua::evaluate(*s_plan, *s_data, *s_period, options);
    }

    static inline std::unique_ptr<thidua::testing_support::TempDir> s_dir;
    static inline std::unique_ptr<thidua::Dataset> s_data;
    static inline std::shared_ptr<const thidua::CompiledPlan> s_plan;
    static inline std::optional<thidua::Period> s_period;
};

// The candidates of a large individual award are decided on several threads once every other
// group is settled: the whole document, traces included, is the same as on one thread.
TEST_F(ParallelEvaluation, ThreeThreadsWriteTheSameDocumentAsOne) {
    std::string documents[2];
    const size_t threads[2] = {1, 3};
    for (int k = 0; k < 2; ++k) {
        thidua::EvaluateOptions options;
        options.threads = threads[k];
        const thidua::EvaluationResult result = evaluate(options);
        std::ostringstream out;
        thidua::write_json(result, out);
        documents[k] = std::move(out).str();
    }
    EXPECT_GT(documents[0].size(), 1000000u);  // tens of thousands of traced candidates
    EXPECT_TRUE(documents[0] == documents[1]);
}

// Without traces (summaries over national data) the ineligible are counted, not listed: every
// other candidate is there as the traced evaluation has it, in the same order, with the same
// status, rank and selection.
TEST_F(ParallelEvaluation, UntracedListsAllButTheIneligibleAndCountsThem) {
    thidua::EvaluateOptions options;
    options.threads = 2;
    const thidua::EvaluationResult traced = evaluate(options);
    options.trace = false;
    const thidua::EvaluationResult untraced = evaluate(options);
    ASSERT_EQ(traced.awards.size(), untraced.awards.size());
    size_t unlisted = 0;
    for (size_t a = 0; a < traced.awards.size(); ++a) {
        ASSERT_EQ(traced.awards[a].groups.size(), untraced.awards[a].groups.size());
        for (size_t g = 0; g < traced.awards[a].groups.size(); ++g) {
            const thidua::GroupOutcome& t = traced.awards[a].groups[g];
            const thidua::GroupOutcome& u = untraced.awards[a].groups[g];
            EXPECT_EQ(t.unlisted_ineligible, 0u);
            std::vector<const thidua::CandidateOutcome*> listed;
            for (const thidua::CandidateOutcome& c : t.candidates)
                if (c.status != thidua::Status::Ineligible) listed.push_back(&c);
            ASSERT_EQ(u.candidates.size(), listed.size());
            EXPECT_EQ(u.unlisted_ineligible, t.candidates.size() - listed.size());
            unlisted += u.unlisted_ineligible;
            for (size_t i = 0; i < listed.size(); ++i) {
                EXPECT_EQ(u.candidates[i].subject.index, listed[i]->subject.index);
                EXPECT_EQ(u.candidates[i].status, listed[i]->status);
                EXPECT_EQ(u.candidates[i].rank, listed[i]->rank);
                EXPECT_EQ(u.candidates[i].selected, listed[i]->selected);
                EXPECT_EQ(u.candidates[i].tied, listed[i]->tied);
            }
            ASSERT_EQ(u.selected.size(), t.selected.size());
            for (size_t i = 0; i < t.selected.size(); ++i)
                EXPECT_EQ(u.selected[i].index, t.selected[i].index);
            EXPECT_EQ(u.tied.size(), t.tied.size());
            EXPECT_EQ(u.open_seats, t.open_seats);
        }
    }
    EXPECT_GT(unlisted, 10000u);  // most of a province's people are not in a selected unit
}
