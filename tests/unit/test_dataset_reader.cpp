#include "io/dataset/DatasetReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>

namespace thidua {
namespace {

// ---------------------------------------------------------------------------------------------
// A small valid dataset touching every file and most value spellings.

const char* const kUnits =
    "id,name,type,parent_id,tags,successor_of,active_from,active_to\n"
    "KG,Tỉnh Kiên Giang,province,,,,,\n"
    "SNV,Sở Nội vụ,department,KG,khoi-1; chuyen-trach-cchc,,2020-01-01,\n"
    "STP,Sở Tư pháp,department,KG,khoi-1,,,\n"
    "H1,UBND huyện Châu Thành,district,KG,,,,\n"
    "X1,UBND xã Minh Lương,commune,H1,,,,\n"
    "X2,UBND xã Minh Lương mới,commune,H1,,X1;H1,01/07/2025,\n"
    "P1,Phòng Cải cách hành chính,office,SNV,chuyen-trach-cchc,,,\n";

const char* const kPeople =
    "id,name,unit_id,gender,par_role,resident,component,tags\n"
    "P001,Nguyễn Thị Hoa,SNV,nu,1,0,,\n"
    "P002,Trần Văn Nam,STP,nam,0,,ci-01,can-bo\n"
    "P003,Lê Văn Dân,X1,,,1,,\n";

const char* const kUnitYears =
    "unit_id,year,par_score,par_max,par_rating,par_rank,satisfaction,task_completion,head_leads,"
    "compliance,excellent_achievement,initiative,disciplined\n"
    "SNV,2021,\"87,5\",100,tot,3,92.5,100,1,x,có,0,0\n"
    "SNV,2023,95,100,Xuất sắc,1,,,,,,,review\n"
    "STP,2022,70,100,,5,,,,,,,\n";

const char* const kComponentYears =
    "component_id,unit_id,year,score,max\n"
    "ci-01,P1,2022,8,10\n"
    "ci-02,P1,2022,\"9,5\",10\n";

const char* const kPersonYears =
    "person_id,year,unit_id,rating,excellent_par,initiative,initiative_level,ethics_ok,"
    "disciplined\n"
    "P001,2022,,htxs,1,1,Cấp tỉnh,1,0\n"
    "P001,2023,STP,Hoàn thành tốt nhiệm vụ,,,,,\n"
    "P002,2024,,HTNV,0,không,,1,đang xem xét\n";

const char* const kRegistrations =
    "subject_id,period,registered_on\n"
    "SNV,2021-2025,2022-03-15\n"
    "P001,2023,15/03/2023\n";

const char* const kEvents =
    "event,year,date\n"
    "results-recognized,2025,2026-01-30\n"
    "par-index-published,2024,45413\n";

const char* const kDossiers =
    "subject_id,award,period,document,copies,submitted_on\n"
    "SNV,co-thi-dua,2021-2025,to-trinh,2,2026-02-10\n"
    "SNV,co-thi-dua,2021-2025,bien-ban,,\n";

DatasetFiles full_dataset() {
    return {
        {"units.csv", kUnits},
        {"people.csv", kPeople},
        {"unit_years.csv", kUnitYears},
        {"component_years.csv", kComponentYears},
        {"person_years.csv", kPersonYears},
        {"registrations.csv", kRegistrations},
        {"events.csv", kEvents},
        {"dossiers.csv", kDossiers},
    };
}

std::string describe(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics)
        out += d.format() + " | " + d.message_en + "\n";
    return out;
}

Dataset read_ok(const DatasetFiles& files) {
    auto result = read_dataset_from_memory(files);
    if (!result) {
        ADD_FAILURE() << describe(result.error());
        return {};
    }
    return std::move(*result);
}

Diagnostics read_errors(const DatasetFiles& files) {
    auto result = read_dataset_from_memory(files);
    if (result) {
        ADD_FAILURE() << "the dataset was accepted";
        return {};
    }
    return result.error();
}

// A diagnostic for this file, row and column whose English message contains `words`.
::testing::AssertionResult has_error(const Diagnostics& diagnostics, std::string_view file,
                                     int line, std::string_view field, std::string_view words) {
    for (const Diagnostic& d : diagnostics) {
        if (d.file == file && d.line == line && d.field == field &&
            d.message_en.find(words) != std::string::npos && !d.message.empty())
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "no " << file << ":" << line << " [" << field << "] \"" << words << "\" in\n"
           << describe(diagnostics);
}

DatasetFiles units_only(std::string units) {
    return {{"units.csv", std::move(units)}};
}

const std::string kUnitHeader = "id,name,type,parent_id\n";

// ---------------------------------------------------------------------------------------------
// What a valid dataset becomes.

TEST(DatasetReader, ReadsUnitsWithTreeTagsAndPredecessors) {
    const Dataset d = read_ok(full_dataset());
    ASSERT_EQ(d.units.size(), 7u);
    const Unit& snv = d.units[1];
    EXPECT_EQ(snv.id, "SNV");
    EXPECT_EQ(snv.name, "Sở Nội vụ");
    EXPECT_EQ(snv.type, UnitType::Department);
    EXPECT_EQ(snv.parent, 0);
    EXPECT_EQ(d.units[0].parent, kNoIndex);
    EXPECT_EQ(snv.active_from, Date::from_ymd(2020, 1, 1));
    EXPECT_FALSE(snv.active_to);
    EXPECT_EQ(d.unit_by_id.at("X2"), 5);
    EXPECT_EQ(d.units[5].successor_of, (std::vector<Index>{4, 3}));
    EXPECT_EQ(d.units[5].active_from, Date::from_ymd(2025, 7, 1));

    const std::optional<TagId> khoi = d.find_tag("khoi-1");
    const std::optional<TagId> cchc = d.find_tag("chuyen-trach-cchc");
    ASSERT_TRUE(khoi && cchc);
    EXPECT_FALSE(d.find_tag("khoi-2"));
    EXPECT_TRUE(d.unit_has_tag(1, *khoi));
    EXPECT_TRUE(d.unit_has_tag(1, *cchc));
    EXPECT_TRUE(d.unit_has_tag(6, *cchc));
    EXPECT_FALSE(d.unit_has_tag(6, *khoi));
    EXPECT_FALSE(d.unit_has_tag(99, *khoi));
    EXPECT_TRUE(std::is_sorted(snv.tags.begin(), snv.tags.end()));
}

TEST(DatasetReader, ReadsPeopleColumns) {
    const Dataset d = read_ok(full_dataset());
    ASSERT_EQ(d.people.size(), 3u);
    EXPECT_EQ(d.find_person("P002"), 1);
    EXPECT_EQ(d.people.name[0], "Nguyễn Thị Hoa");
    EXPECT_EQ(d.people.unit[0], 1);
    EXPECT_EQ(d.people.gender[0], Gender::Female);
    EXPECT_EQ(d.people.gender[1], Gender::Male);
    EXPECT_EQ(d.people.gender[2], Gender::Unknown);
    EXPECT_EQ(d.people.par_role[0], 1);
    EXPECT_EQ(d.people.resident[1], kUnknown);
    EXPECT_EQ(d.people.resident[2], 1);
    EXPECT_EQ(d.people.component[0], kNoIndex);
    ASSERT_NE(d.people.component[1], kNoIndex);
    EXPECT_EQ(d.components[static_cast<size_t>(d.people.component[1])], "ci-01");
    EXPECT_EQ(d.people.tags[1], (std::vector<TagId>{*d.find_tag("can-bo")}));
}

TEST(DatasetReader, YearsSpanEveryYearlyFileAndEvents) {
    const Dataset d = read_ok(full_dataset());
    EXPECT_EQ(d.first_year, 2021);
    EXPECT_EQ(d.year_count, 5);  // 2021 (unit_years) .. 2025 (events)
    EXPECT_TRUE(d.has_year(2025));
    EXPECT_FALSE(d.has_year(2026));
    EXPECT_EQ(d.unit_years.present.size(), d.units.size() * 5);
    EXPECT_EQ(d.person_years.rating.size(), d.people.size() * 5);
}

TEST(DatasetReader, ReadsUnitYears) {
    const Dataset d = read_ok(full_dataset());
    const UnitYears& uy = d.unit_years;
    const size_t s21 = d.slot(1, 2021), s23 = d.slot(1, 2023), s22 = d.slot(1, 2022);
    EXPECT_EQ(uy.present[s21], 1);
    EXPECT_EQ(uy.present[s22], 0);
    EXPECT_DOUBLE_EQ(uy.par_score[s21], 87.5);
    EXPECT_DOUBLE_EQ(uy.par_max[s21], 100);
    EXPECT_EQ(uy.par_rating[s21], 1);
    EXPECT_DOUBLE_EQ(uy.par_rank[s21], 3);
    EXPECT_DOUBLE_EQ(uy.satisfaction[s21], 92.5);
    EXPECT_DOUBLE_EQ(uy.task_completion[s21], 100);
    EXPECT_EQ(uy.head_leads[s21], 1);
    EXPECT_EQ(uy.compliance[s21], 1);
    EXPECT_EQ(uy.excellent_achievement[s21], 1);
    EXPECT_EQ(uy.initiative[s21], 0);
    EXPECT_EQ(uy.disciplined[s21], 0);
    EXPECT_EQ(uy.par_rating[s23], 0);
    EXPECT_EQ(uy.disciplined[s23], kReview);
    EXPECT_TRUE(std::isnan(uy.satisfaction[s23]));
    EXPECT_EQ(uy.head_leads[s23], kUnknown);
    EXPECT_TRUE(std::isnan(uy.par_score[s22]));
    const size_t stp = d.slot(2, 2022);
    EXPECT_EQ(uy.par_rating[stp], kUnknown);
    EXPECT_DOUBLE_EQ(uy.par_rank[stp], 5);
}

TEST(DatasetReader, ReadsPersonYearsWithUnitDefaults) {
    const Dataset d = read_ok(full_dataset());
    const PersonYears& py = d.person_years;
    EXPECT_EQ(py.present[d.slot(0, 2022)], 1);
    EXPECT_EQ(py.unit[d.slot(0, 2022)], 1);  // blank unit_id: the person's unit
    EXPECT_EQ(py.unit[d.slot(0, 2023)], 2);  // STP that year
    EXPECT_EQ(py.unit[d.slot(0, 2021)], 1);  // no row: the person's unit
    EXPECT_EQ(py.present[d.slot(0, 2021)], 0);
    EXPECT_EQ(py.rating[d.slot(0, 2022)], 0);
    EXPECT_EQ(py.rating[d.slot(0, 2023)], 1);
    EXPECT_EQ(py.excellent_par[d.slot(0, 2022)], 1);
    EXPECT_EQ(py.initiative_level[d.slot(0, 2022)], 1);
    EXPECT_EQ(py.ethics_ok[d.slot(0, 2023)], kUnknown);
    EXPECT_EQ(py.rating[d.slot(1, 2024)], 2);
    EXPECT_EQ(py.initiative[d.slot(1, 2024)], 0);
    EXPECT_EQ(py.disciplined[d.slot(1, 2024)], kReview);
    EXPECT_EQ(py.unit[d.slot(2, 2025)], 4);
}

TEST(DatasetReader, ReadsComponentYears) {
    const Dataset d = read_ok(full_dataset());
    EXPECT_EQ(d.components, (std::vector<std::string>{"ci-01", "ci-02"}));
    ASSERT_EQ(d.component_years.size(), 2u);
    EXPECT_EQ(d.component_years[1].component, 1);
    EXPECT_EQ(d.component_years[1].unit, 6);
    EXPECT_EQ(d.component_years[1].year, 2022);
    EXPECT_DOUBLE_EQ(d.component_years[1].score, 9.5);
    EXPECT_DOUBLE_EQ(d.component_years[1].max, 10);
}

TEST(DatasetReader, ReadsRegistrationsEventsAndDossiers) {
    const Dataset d = read_ok(full_dataset());
    ASSERT_EQ(d.registrations.size(), 2u);
    EXPECT_EQ(d.registrations[0].subject.kind, SubjectKind::Unit);
    EXPECT_EQ(d.registrations[0].subject.index, 1);
    EXPECT_EQ(d.registrations[0].period, "2021-2025");
    EXPECT_EQ(d.registrations[1].subject.kind, SubjectKind::Person);
    EXPECT_EQ(d.registrations[1].registered_on, *Date::from_ymd(2023, 3, 15));
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(d.events[0].event, "results-recognized");
    EXPECT_EQ(d.events[1].year, 2024);
    EXPECT_EQ(d.events[1].date, *Date::from_ymd(2024, 5, 1));  // Excel serial 45413
    ASSERT_EQ(d.dossiers.size(), 2u);
    EXPECT_EQ(d.dossiers[0].award, "co-thi-dua");
    EXPECT_EQ(d.dossiers[0].document, "to-trinh");
    EXPECT_EQ(d.dossiers[0].copies, 2);
    EXPECT_EQ(d.dossiers[0].submitted_on, Date::from_ymd(2026, 2, 10));
    EXPECT_EQ(d.dossiers[1].copies, 1);
    EXPECT_FALSE(d.dossiers[1].submitted_on);
}

TEST(DatasetReader, FlagsTellWhichFilesWereGiven) {
    const Dataset all = read_ok(full_dataset());
    EXPECT_TRUE(all.has_people && all.has_unit_years && all.has_person_years &&
                all.has_component_years && all.has_registrations && all.has_events &&
                all.has_dossiers);
    const Dataset units = read_ok(units_only(kUnits));
    EXPECT_FALSE(units.has_people || units.has_unit_years || units.has_person_years ||
                 units.has_component_years || units.has_registrations || units.has_events ||
                 units.has_dossiers);
    EXPECT_EQ(units.year_count, 0);
    EXPECT_TRUE(units.unit_years.present.empty());
}

TEST(DatasetReader, EmptyOptionalFilesAreGivenButHaveNoRows) {
    DatasetFiles files = units_only(kUnits);
    files["registrations.csv"] = "";
    files["events.csv"] = "event,year,date\r\n";
    const Dataset d = read_ok(files);
    EXPECT_TRUE(d.has_registrations);
    EXPECT_TRUE(d.registrations.empty());
    EXPECT_TRUE(d.has_events);
}

// ---------------------------------------------------------------------------------------------
// What Excel writes.

TEST(DatasetReader, TakesBomCrlfQuotedNewlinesAndBlankRows) {
    const std::string units =
        "\xEF\xBB\xBFid,name,type,parent_id,tags\r\n"
        "KG,\"Tỉnh Kiên Giang,\r\nvùng biển\",province,,\r\n"
        ",,,,\r\n"
        "\r\n"
        "SNV,\"Sở \"\"Nội vụ\"\"\",department,KG,\r\n"
        "BAD,Sai,planet,,\r\n";
    const Diagnostics errors = read_errors(units_only(units));
    // The quoted line break makes the bad row physical line 7.
    EXPECT_TRUE(has_error(errors, "units.csv", 7, "type", "invalid unit type"));
    EXPECT_EQ(errors.size(), 1u) << describe(errors);

    const std::string good = units.substr(0, units.find("BAD,"));
    const Dataset d = read_ok(units_only(good));
    ASSERT_EQ(d.units.size(), 2u);
    EXPECT_EQ(d.units[0].name, "Tỉnh Kiên Giang,\r\nvùng biển");
    EXPECT_EQ(d.units[1].name, "Sở \"Nội vụ\"");
}

TEST(DatasetReader, AcceptsExcelTrailingEmptyColumnsAndShortRows) {
    const std::string units =
        "id,name,type,parent_id,,\n"
        "KG,Tỉnh,province,,,\n"
        "SNV,Sở,department,KG\n";
    const Dataset d = read_ok(units_only(units));
    EXPECT_EQ(d.units.size(), 2u);
}

TEST(DatasetReader, HeaderNamesIgnoreCaseAndBlanks) {
    const Dataset d = read_ok(units_only(" ID , Name,TYPE\nKG,Tỉnh,province\n"));
    EXPECT_EQ(d.units.size(), 1u);
}

TEST(DatasetReader, DecimalCommaAndVietnameseLabels) {
    DatasetFiles files = units_only(kUnits);
    files["unit_years.csv"] =
        "unit_id,year,par_score,par_max,par_rating,satisfaction,compliance,disciplined\n"
        "SNV,2021,\"91,25\",100,Xuất sắc,\"95,5%\",Có,Đang xem xét\n"
        "STP,2021,80.5,100,TRUNG BÌNH,90,không,Không\n"
        "KG,2021,1,2,trung-binh,0,x,1\n";
    const Dataset d = read_ok(files);
    const size_t snv = d.slot(1, 2021), stp = d.slot(2, 2021), kg = d.slot(0, 2021);
    EXPECT_DOUBLE_EQ(d.unit_years.par_score[snv], 91.25);
    EXPECT_EQ(d.unit_years.par_rating[snv], 0);
    EXPECT_DOUBLE_EQ(d.unit_years.satisfaction[snv], 95.5);
    EXPECT_EQ(d.unit_years.compliance[snv], 1);
    EXPECT_EQ(d.unit_years.disciplined[snv], kReview);
    EXPECT_DOUBLE_EQ(d.unit_years.par_score[stp], 80.5);
    EXPECT_EQ(d.unit_years.par_rating[stp], 3);
    EXPECT_EQ(d.unit_years.compliance[stp], 0);
    EXPECT_EQ(d.unit_years.disciplined[stp], 0);
    EXPECT_EQ(d.unit_years.par_rating[kg], 3);
    EXPECT_EQ(d.unit_years.disciplined[kg], 1);
}

TEST(DatasetReader, PersonRatingAbbreviations) {
    DatasetFiles files = full_dataset();
    files["person_years.csv"] =
        "person_id,year,rating,initiative_level\n"
        "P001,2021,HTXSNV,Toàn quốc\n"
        "P001,2022,httnv,district\n"
        "P002,2021,Không hoàn thành nhiệm vụ,cap co so\n";
    const Dataset d = read_ok(files);
    EXPECT_EQ(d.person_years.rating[d.slot(0, 2021)], 0);
    EXPECT_EQ(d.person_years.initiative_level[d.slot(0, 2021)], 0);
    EXPECT_EQ(d.person_years.rating[d.slot(0, 2022)], 1);
    EXPECT_EQ(d.person_years.initiative_level[d.slot(0, 2022)], 2);
    EXPECT_EQ(d.person_years.rating[d.slot(1, 2021)], 3);
    EXPECT_EQ(d.person_years.initiative_level[d.slot(1, 2021)], 3);
}

TEST(DatasetReader, TextIsNormalisedToNfc) {
    // "Sở Nội vụ" typed with combining marks: o + horn + hook above, o + circumflex + dot below.
    const std::string decomposed = "So\xCC\x9B\xCC\x89 No\xCC\xA3\xCC\x82i vu\xCC\xA3";
    DatasetFiles files = units_only(kUnitHeader + "SNV," + decomposed + ",department,\n");
    files["people.csv"] = "id,name,unit_id\nP1,Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A,SNV\n";
    const Dataset d = read_ok(files);
    EXPECT_EQ(d.units[0].name, "Sở Nội vụ");
    EXPECT_EQ(d.people.name[0], "Nguyễn Văn A");
}

TEST(DatasetReader, TrimsCells) {
    const Dataset d = read_ok(units_only(kUnitHeader + "  KG , Tỉnh Kiên Giang ,province,\n"));
    EXPECT_EQ(d.units[0].id, "KG");
    EXPECT_EQ(d.units[0].name, "Tỉnh Kiên Giang");
}

// ---------------------------------------------------------------------------------------------
// Files and headers.

TEST(DatasetReaderErrors, UnitsFileIsRequired) {
    const Diagnostics errors = read_errors({{"people.csv", "id,name,unit_id\n"}});
    EXPECT_TRUE(has_error(errors, "units.csv", 0, "", "units.csv is missing"));
}

TEST(DatasetReaderErrors, UnitsFileNeedsAHeader) {
    EXPECT_TRUE(has_error(read_errors(units_only("")), "units.csv", 1, "", "no header"));
}

TEST(DatasetReaderErrors, UnknownFile) {
    DatasetFiles files = units_only(kUnits);
    files["unit_year.csv"] = "unit_id,year\n";
    EXPECT_TRUE(has_error(read_errors(files), "unit_year.csv", 0, "", "not a dataset file"));
}

TEST(DatasetReaderErrors, UnknownDuplicateAndMissingColumns) {
    const Diagnostics errors = read_errors(units_only("id,name,name,kind\nKG,Tỉnh,Tỉnh,x\n"));
    EXPECT_TRUE(has_error(errors, "units.csv", 1, "name", "duplicate column"));
    EXPECT_TRUE(has_error(errors, "units.csv", 1, "kind", "unknown column"));
    EXPECT_TRUE(has_error(errors, "units.csv", 1, "type", "required column is missing"));
    // Rows of a table without a required column are not checked one by one.
    EXPECT_EQ(errors.size(), 3u) << describe(errors);
}

TEST(DatasetReaderErrors, ValuesWithoutAColumn) {
    const Diagnostics errors =
        read_errors(units_only("id,name,type,\nKG,Tỉnh,province,x\nSNV,Sở,department,,y\n"));
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "", "column 4 has no column name"));
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "", "column 5 has no column name"));
}

TEST(DatasetReaderErrors, CsvSyntax) {
    const Diagnostics stray = read_errors(units_only(kUnitHeader + "KG,Tỉnh \"A\",province,\n"));
    EXPECT_TRUE(has_error(stray, "units.csv", 2, "", "misplaced quote"));
    const Diagnostics open = read_errors(units_only(kUnitHeader + "KG,\"Tỉnh,province,\n"));
    EXPECT_TRUE(has_error(open, "units.csv", 2, "", "never closed"));
}

TEST(DatasetReaderErrors, InvalidUtf8NamesTheRowAndColumn) {
    // "Sở" saved as Windows-1258 instead of UTF-8.
    const Diagnostics errors =
        read_errors(units_only(kUnitHeader + "KG,Tỉnh,province,\nSNV,S\xD5,department,KG\n"));
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "name", "not valid UTF-8"));
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].value, "S\\xD5");
}

// ---------------------------------------------------------------------------------------------
// Cells.

TEST(DatasetReaderErrors, BlankRequiredCells) {
    DatasetFiles files = units_only(kUnitHeader + "KG,,province,\n,Sở,,\n");
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "name", "required cell is blank"));
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "id", "required cell is blank"));
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "type", "required cell is blank"));
}

TEST(DatasetReaderErrors, IdsMustMatchThePattern) {
    DatasetFiles files = units_only(kUnitHeader + "Sở NV,Sở,department,\nKG,Tỉnh,province,\n");
    files["people.csv"] = "id,name,unit_id,component,tags\nP 1,A,KG,ci/1,tag x\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "id", "invalid id"));
    EXPECT_TRUE(has_error(errors, "people.csv", 2, "id", "invalid id"));
    EXPECT_TRUE(has_error(errors, "people.csv", 2, "component", "invalid id"));
    EXPECT_TRUE(has_error(errors, "people.csv", 2, "tags", "invalid id"));
}

TEST(DatasetReaderErrors, DuplicateIds) {
    DatasetFiles files = units_only(kUnitHeader + "KG,A,province,\nKG,B,province,\n");
    files["people.csv"] = "id,name,unit_id\nP1,A,KG\nP2,B,KG\nP1,C,KG\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "id", "already used on row 2"));
    EXPECT_TRUE(has_error(errors, "people.csv", 4, "id", "already used on row 2"));
}

TEST(DatasetReaderErrors, UnknownReferences) {
    DatasetFiles files = full_dataset();
    files["units.csv"] = std::string(kUnits) + "Z1,Z,office,NOPE,,GONE,,\n";
    files["people.csv"] = std::string(kPeople) + "P009,Ai đó,NOPE,,,,,\n";
    files["unit_years.csv"] = "unit_id,year\nNOPE,2021\n";
    files["component_years.csv"] = "component_id,unit_id,year,score,max\nci-01,NOPE,2021,1,2\n";
    files["person_years.csv"] = "person_id,year,unit_id\nNOBODY,2021,\nP001,2021,NOPE\n";
    files["registrations.csv"] = "subject_id,period,registered_on\nNOPE,2023,2023-01-01\n";
    files["dossiers.csv"] = "subject_id,award,period,document\nNOPE,a,2023,b\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "units.csv", 9, "parent_id", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "units.csv", 9, "successor_of", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "people.csv", 5, "unit_id", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "unit_id", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "component_years.csv", 2, "unit_id", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 2, "person_id", "no person has this id"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 3, "unit_id", "no unit has this id"));
    EXPECT_TRUE(has_error(errors, "registrations.csv", 2, "subject_id", "no unit or person"));
    EXPECT_TRUE(has_error(errors, "dossiers.csv", 2, "subject_id", "no unit or person"));
}

TEST(DatasetReaderErrors, ForwardParentReferencesAreFine) {
    const Dataset d = read_ok(units_only(kUnitHeader + "X1,Xã,commune,H1\nH1,Huyện,district,\n"));
    EXPECT_EQ(d.units[0].parent, 1);
}

TEST(DatasetReaderErrors, AmbiguousSubject) {
    DatasetFiles files = units_only(kUnitHeader + "A1,Đơn vị,department,\n");
    files["people.csv"] = "id,name,unit_id\nA1,Người,A1\n";
    files["registrations.csv"] = "subject_id,period,registered_on\nA1,2023,2023-01-01\n";
    EXPECT_TRUE(has_error(read_errors(files), "registrations.csv", 2, "subject_id",
                          "both a unit id and a person id"));
}

TEST(DatasetReaderErrors, CyclesInTheUnitTree) {
    const Diagnostics errors = read_errors(
        units_only(kUnitHeader +
                   "A,A,province,C\nB,B,district,A\nC,C,commune,B\nS,S,office,S\nT,T,office,A\n"));
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "parent_id", "cycle: A → C → B → A"));
    EXPECT_TRUE(has_error(errors, "units.csv", 5, "parent_id", "cycle: S → S"));
    EXPECT_EQ(errors.size(), 2u) << describe(errors);
}

TEST(DatasetReaderErrors, SuccessorOfItselfAndActiveDates) {
    const Diagnostics errors =
        read_errors(units_only("id,name,type,successor_of,active_from,active_to\n"
                               "A,A,commune,A,2025-07-01,2025-01-01\n"
                               "B,B,commune,,1/13/2025,\n"));
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "successor_of", "cannot replace itself"));
    EXPECT_TRUE(has_error(errors, "units.csv", 2, "active_to", "before active_from"));
    EXPECT_TRUE(has_error(errors, "units.csv", 3, "active_from", "invalid date"));
}

TEST(DatasetReaderErrors, Enumerations) {
    DatasetFiles files = full_dataset();
    files["units.csv"] = std::string(kUnits) + "Z,Z,ministry,,,,,\n";
    files["people.csv"] = std::string(kPeople) + "P009,A,SNV,female,2,có không,,\n";
    files["unit_years.csv"] = "unit_id,year,par_rating,head_leads,disciplined\nSNV,2021,gioi,?,3\n";
    files["person_years.csv"] = "person_id,year,rating,initiative_level\nP001,2021,A,commune\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "units.csv", 9, "type", "invalid unit type"));
    EXPECT_TRUE(has_error(errors, "people.csv", 5, "gender", "invalid gender"));
    EXPECT_TRUE(has_error(errors, "people.csv", 5, "par_role", "invalid yes/no"));
    EXPECT_TRUE(has_error(errors, "people.csv", 5, "resident", "invalid yes/no"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "par_rating", "use one of: xuat-sac"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "head_leads", "invalid yes/no"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "disciplined", "invalid disciplined"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 2, "rating", "use one of: htxs"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 2, "initiative_level", "use one of"));
}

TEST(DatasetReaderErrors, NumbersScoresAndPercentages) {
    DatasetFiles files = full_dataset();
    files["unit_years.csv"] =
        "unit_id,year,par_score,par_max,par_rank,satisfaction,task_completion\n"
        "SNV,2021,abc,100,0,101,-1\n"
        "SNV,2022,120,100,1.5,50,50\n"
        "SNV,2023,-1,0,2,50,50\n"
        "STP,2023,5,,2,50,50\n";
    files["component_years.csv"] =
        "component_id,unit_id,year,score,max\n"
        "ci-01,P1,2022,11,10\n"
        "ci-01,P1,2023,,10\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "par_score", "not a number"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "par_rank", "at least 1"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "satisfaction", "percentage"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "task_completion", "percentage"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 3, "par_score", "greater than the maximum"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 3, "par_rank", "whole number"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 4, "par_max", "greater than 0"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 4, "par_score", "negative"));
    EXPECT_TRUE(has_error(errors, "component_years.csv", 2, "score", "greater than the maximum"));
    EXPECT_TRUE(has_error(errors, "component_years.csv", 3, "score", "required cell is blank"));
    EXPECT_EQ(errors.size(), 10u) << describe(errors);
}

TEST(DatasetReaderErrors, Years) {
    DatasetFiles files = full_dataset();
    files["unit_years.csv"] = "unit_id,year\nSNV,1989\nSNV,2101\nSNV,năm 2021\n";
    files["events.csv"] = "event,year,date\nresults-recognized,20,2026-01-30\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 2, "year", "invalid year"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 3, "year", "invalid year"));
    EXPECT_TRUE(has_error(errors, "unit_years.csv", 4, "year", "invalid year"));
    EXPECT_TRUE(has_error(errors, "events.csv", 2, "year", "invalid year"));
}

TEST(DatasetReaderErrors, DuplicateYearRows) {
    DatasetFiles files = full_dataset();
    files["unit_years.csv"] = "unit_id,year\nSNV,2021\nSTP,2021\nSNV,2022\nSNV,2021\n";
    files["person_years.csv"] = "person_id,year\nP001,2021\nP001,2021\nP001,2021\n";
    files["component_years.csv"] =
        "component_id,unit_id,year,score,max\nci-01,P1,2022,1,2\nci-01,SNV,2022,1,2\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(
        has_error(errors, "unit_years.csv", 5, "year", "unit SNV, year 2021 is already on row 2"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 3, "year", "already on row 2"));
    EXPECT_TRUE(has_error(errors, "person_years.csv", 4, "year", "already on row 2"));
    EXPECT_TRUE(has_error(errors, "component_years.csv", 3, "year", "component ci-01, year 2022"));
    EXPECT_EQ(errors.size(), 4u) << describe(errors);
}

TEST(DatasetReaderErrors, RecordsDatesPeriodsAndCopies) {
    DatasetFiles files = full_dataset();
    files["registrations.csv"] =
        "subject_id,period,registered_on\nSNV,2021/2025,2023-02-30\nSNV,2023,2023\n";
    files["events.csv"] = "event,year,date\nkết quả,2025,someday\n";
    files["dossiers.csv"] =
        "subject_id,award,period,document,copies,submitted_on\n"
        "SNV,co thi dua,2021-2025,to-trinh,0,31/12/2026\n"
        "SNV,co-thi-dua,2021-2025,to-trinh,1.5,x\n";
    const Diagnostics errors = read_errors(files);
    EXPECT_TRUE(has_error(errors, "registrations.csv", 2, "period", "invalid period"));
    EXPECT_TRUE(has_error(errors, "registrations.csv", 2, "registered_on", "invalid date"));
    // 2023 as an Excel day number is in 1905.
    EXPECT_TRUE(has_error(errors, "registrations.csv", 3, "registered_on", "must fall in"));
    EXPECT_TRUE(has_error(errors, "events.csv", 2, "event", "invalid id"));
    EXPECT_TRUE(has_error(errors, "events.csv", 2, "date", "invalid date"));
    EXPECT_TRUE(has_error(errors, "dossiers.csv", 2, "award", "invalid id"));
    EXPECT_TRUE(has_error(errors, "dossiers.csv", 2, "copies", "at least 1"));
    EXPECT_TRUE(has_error(errors, "dossiers.csv", 3, "copies", "at least 1"));
    EXPECT_TRUE(has_error(errors, "dossiers.csv", 3, "submitted_on", "invalid date"));
}

TEST(DatasetReaderErrors, AnyEventNameThatIsAnIdIsAccepted) {
    DatasetFiles files = full_dataset();
    files["events.csv"] = "event,year,date\ncouncil-meeting,2025,2025-12-01\n";
    EXPECT_EQ(read_ok(files).events[0].event, "council-meeting");
}

// ---------------------------------------------------------------------------------------------
// Reporting.

TEST(DatasetReaderErrors, AllErrorsOfAllFilesAreReportedInFileOrder) {
    DatasetFiles files = full_dataset();
    files["units.csv"] = std::string(kUnits) + "Z,Z,ministry,,,,,\n";
    files["dossiers.csv"] = "subject_id,award,period,document\nSNV,a,2023,\n";
    files["people.csv"] = std::string(kPeople) + "P009,A,SNV,x,,,,\n";
    files["unit_years.csv"] = "unit_id,year,par_max\nSNV,2021,0\nSNV,2021,\n";
    const Diagnostics errors = read_errors(files);
    ASSERT_EQ(errors.size(), 5u) << describe(errors);
    EXPECT_EQ(errors[0].file, "units.csv");
    EXPECT_EQ(errors[1].file, "people.csv");
    EXPECT_EQ(errors[2].file, "unit_years.csv");
    EXPECT_EQ(errors[2].line, 2);
    EXPECT_EQ(errors[3].file, "unit_years.csv");
    EXPECT_EQ(errors[3].line, 3);
    EXPECT_EQ(errors[4].file, "dossiers.csv");
    EXPECT_EQ(errors[4].field, "document");
}

TEST(DatasetReaderErrors, DiagnosticsCarryFileRowColumnValueAndBothLanguages) {
    const Diagnostics errors = read_errors(units_only(kUnitHeader + "KG,Tỉnh,tinh-thanh,\n"));
    ASSERT_EQ(errors.size(), 1u);
    const Diagnostic& d = errors[0];
    EXPECT_EQ(d.file, "units.csv");
    EXPECT_EQ(d.line, 2);
    EXPECT_EQ(d.field, "type");
    EXPECT_EQ(d.value, "tinh-thanh");
    EXPECT_NE(d.message.find("Loại đơn vị không hợp lệ"), std::string::npos);
    EXPECT_NE(d.message_en.find("invalid unit type"), std::string::npos);
    EXPECT_NE(d.format().find("units.csv:2"), std::string::npos);
}

TEST(DatasetReaderErrors, ErrorsAreCappedWithACount) {
    std::string units = kUnitHeader;
    for (int i = 0; i < 250; ++i)
        units += "U" + std::to_string(i) + ",Tên,planet,\n";
    const Diagnostics errors = read_errors(units_only(units));
    ASSERT_EQ(errors.size(), 201u);
    EXPECT_EQ(errors[199].line, 201);
    EXPECT_NE(errors[200].message_en.find("50 more errors"), std::string::npos);
    EXPECT_NE(errors[200].message.find("Còn 50 lỗi khác"), std::string::npos);
}

TEST(DatasetReaderErrors, NoDatasetOnAnyError) {
    DatasetFiles files = full_dataset();
    files["dossiers.csv"] = std::string(kDossiers) + "SNV,co-thi-dua,2021-2025,to-trinh,0,\n";
    EXPECT_FALSE(read_dataset_from_memory(files).has_value());
}

// ---------------------------------------------------------------------------------------------
// The folder reader.

class DatasetDir : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() /
                ("thidua-dataset-" + std::to_string(random()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    void write(const std::string& name, const std::string& content) {
        std::ofstream(m_dir / name, std::ios::binary) << content;
    }
    std::filesystem::path m_dir;
};

TEST_F(DatasetDir, ReadsTheSameAsFromMemory) {
    for (const auto& [name, content] : full_dataset())
        write(name, content);
    write("README.txt", "notes are ignored");
    auto result = read_dataset_dir(m_dir);
    ASSERT_TRUE(result) << describe(result.error());
    EXPECT_EQ(result->units.size(), 7u);
    EXPECT_EQ(result->people.size(), 3u);
    EXPECT_EQ(result->year_count, 5);
    EXPECT_TRUE(result->has_dossiers);
}

TEST_F(DatasetDir, ReportsErrorsOfFiles) {
    write("units.csv", kUnitHeader + "KG,Tỉnh,province,\nKG,Tỉnh,province,\n");
    write("Unit_Years.CSV", "unit_id,year\n");
    auto result = read_dataset_dir(m_dir);
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "Unit_Years.CSV", 0, "", "not a dataset file"));
    EXPECT_TRUE(has_error(result.error(), "units.csv", 3, "id", "duplicate unit id"));
}

TEST_F(DatasetDir, MissingUnitsFile) {
    write("people.csv", "id,name,unit_id\n");
    auto result = read_dataset_dir(m_dir);
    ASSERT_FALSE(result);
    EXPECT_TRUE(has_error(result.error(), "units.csv", 0, "", "missing"));
}

TEST_F(DatasetDir, MissingFolder) {
    auto result = read_dataset_dir(m_dir / "nope");
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 1u);
    EXPECT_NE(result.error()[0].message_en.find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace thidua
