#include "io/dataset/CsvReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thidua {
namespace {

struct Record {
    int line;
    std::vector<std::string> fields;
    bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) {
    out << r.line << ":";
    for (const std::string& f : r.fields)
        out << "[" << f << "]";
    return out;
}

std::vector<Record> read_all(std::string_view data, std::vector<CsvError>* errors = nullptr) {
    CsvReader reader(data);
    std::vector<Record> records;
    while (reader.next()) {
        Record r{reader.line(), {}};
        for (std::string_view f : reader.fields())
            r.fields.emplace_back(f);
        records.push_back(std::move(r));
    }
    if (errors != nullptr) *errors = reader.errors();
    return records;
}

TEST(CsvReader, ReadsSimpleRecordsWithLf) {
    const auto records = read_all("id,name\nA,Một\nB,Hai\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0], (Record{1, {"id", "name"}}));
    EXPECT_EQ(records[1], (Record{2, {"A", "Một"}}));
    EXPECT_EQ(records[2], (Record{3, {"B", "Hai"}}));
}

TEST(CsvReader, ReadsCrlfAndLoneCr) {
    EXPECT_EQ(read_all("a,b\r\nc,d\r\n"), (std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
    EXPECT_EQ(read_all("a,b\rc,d"), (std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(CsvReader, SkipsTheBom) {
    const auto records = read_all("\xEF\xBB\xBFid,name\r\nA,x\r\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields[0], "id");
}

TEST(CsvReader, LastRecordNeedsNoLineEnd) {
    EXPECT_EQ(read_all("a\nb"), (std::vector<Record>{{1, {"a"}}, {2, {"b"}}}));
}

TEST(CsvReader, EmptyFieldsAndTrailingComma) {
    EXPECT_EQ(read_all(",a,,\n"), (std::vector<Record>{{1, {"", "a", "", ""}}}));
    EXPECT_EQ(read_all("a,"), (std::vector<Record>{{1, {"a", ""}}}));
}

TEST(CsvReader, EmptyLineIsOneEmptyField) {
    EXPECT_EQ(read_all("a\n\nb\n"), (std::vector<Record>{{1, {"a"}}, {2, {""}}, {3, {"b"}}}));
}

TEST(CsvReader, EmptyInputHasNoRecords) {
    EXPECT_TRUE(read_all("").empty());
    EXPECT_TRUE(read_all("\xEF\xBB\xBF").empty());
}

TEST(CsvReader, QuotedCommaAndEscapedQuote) {
    const auto records = read_all("\"Sở Nội vụ, tỉnh\",\"Nói \"\"Có\"\"\",\"\"\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, (std::vector<std::string>{"Sở Nội vụ, tỉnh", "Nói \"Có\"", ""}));
}

TEST(CsvReader, QuotedNewlinesKeepPhysicalLineNumbers) {
    const auto records = read_all("h1,h2\r\n\"line 1\r\nline 2\nline 3\",x\r\nlast,y\r\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1], (Record{2, {"line 1\r\nline 2\nline 3", "x"}}));
    EXPECT_EQ(records[2], (Record{5, {"last", "y"}}));
}

TEST(CsvReader, ManyEscapedFieldsInOneRecordStayIntact) {
    // Enough unescaped text to make the scratch buffer grow while the record is read.
    std::string line;
    std::vector<std::string> expected;
    for (int i = 0; i < 200; ++i) {
        const std::string text = "v" + std::to_string(i) + std::string(20, 'x');
        line += (i ? "," : "") + std::string("\"") + text + "\"\"q\"";
        expected.push_back(text + "\"q");
    }
    const auto records = read_all(line);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, expected);
}

TEST(CsvReader, UnterminatedQuoteIsAnError) {
    std::vector<CsvError> errors;
    const auto records = read_all("a,b\n\"open,c\nd,e\n", &errors);
    EXPECT_EQ(records, (std::vector<Record>{{1, {"a", "b"}}}));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].kind, CsvErrorKind::UnterminatedQuote);
    EXPECT_EQ(errors[0].line, 2);
}

TEST(CsvReader, StrayQuoteSkipsTheRecordAndGoesOn) {
    std::vector<CsvError> errors;
    const auto records = read_all("a,b\nx\"y,z\n\"q\"r,s\nc,d\n", &errors);
    EXPECT_EQ(records, (std::vector<Record>{{1, {"a", "b"}}, {4, {"c", "d"}}}));
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].kind, CsvErrorKind::StrayQuote);
    EXPECT_EQ(errors[0].line, 2);
    EXPECT_EQ(errors[1].kind, CsvErrorKind::StrayQuote);
    EXPECT_EQ(errors[1].line, 3);
}

TEST(CsvReader, QuoteAtTheEndOfTheInputIsUnterminated) {
    std::vector<CsvError> errors;
    read_all("a,\"", &errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].kind, CsvErrorKind::UnterminatedQuote);
}

// Commas are found eight bytes at a time: each must land between the right fields wherever it
// falls in a word, and the line end (LF, CRLF or none) must not leak into the last field.
TEST(CsvReader, LongLinesSplitAtEveryCommaPosition) {
    for (size_t width = 0; width < 20; ++width) {
        std::string line;
        std::vector<std::string> fields;
        for (size_t f = 0; f < 6; ++f) {
            fields.emplace_back(width + f % 3, static_cast<char>('a' + f));
            line += (f == 0 ? "" : ",") + fields.back();
        }
        for (const std::string end : {"\n", "\r\n"}) {
            EXPECT_EQ(read_all(line + end + line), (std::vector<Record>{{1, fields}, {2, fields}}))
                << "width " << width;
        }
    }
}

// A quote or a carriage return past the first eight bytes still sends the line to the full
// RFC 4180 reading.
TEST(CsvReader, QuoteOrCarriageReturnPastTheFirstWordIsStillSeen) {
    EXPECT_EQ(read_all("abcdefghij,\"k,l\",m\nxyz\n"),
              (std::vector<Record>{{1, {"abcdefghij", "k,l", "m"}}, {2, {"xyz"}}}));
    EXPECT_EQ(read_all("abcdefghij\rklmnopqrs,t\n"),
              (std::vector<Record>{{1, {"abcdefghij"}}, {2, {"klmnopqrs", "t"}}}));
    std::vector<CsvError> errors;
    EXPECT_EQ(read_all("abcdefghijkl\"m,n\nx\n", &errors), (std::vector<Record>{{2, {"x"}}}));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].kind, CsvErrorKind::StrayQuote);
    EXPECT_EQ(errors[0].line, 1);
}

TEST(CsvReader, ReadsManyRows) {
    std::string data = "unit_id,year,par_score\n";
    for (int i = 0; i < 100000; ++i)
        data += "U" + std::to_string(i) + ",2023,\"87,5\"\n";
    CsvReader reader(data);
    int rows = 0;
    while (reader.next()) {
        ++rows;
        if (rows > 1) {
            ASSERT_EQ(reader.fields()[2], "87,5");
        }
    }
    EXPECT_EQ(rows, 100001);
    EXPECT_EQ(reader.line(), 100001);
    EXPECT_TRUE(reader.errors().empty());
}

}  // namespace
}  // namespace thidua
