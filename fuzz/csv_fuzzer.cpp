// libFuzzer target for the dataset reader: the raw CSV reader, the cell parsers, the whole
// import with the input as one file of an otherwise valid dataset (so that fuzzed rows get past
// the reference checks and reach the yearly arrays), and the plain-line readers against the
// TableReader.
//
//   cmake -B build-fuzz -DTHIDUA_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ && ninja -C build-fuzz
//   build-fuzz/csv_fuzzer -dict=fuzz/csv_fuzzer.dict fuzz/corpus-csv

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "base/Text.h"
#include "io/dataset/CellParsers.h"
#include "io/dataset/CsvReader.h"
#include "io/dataset/DatasetReader.h"

namespace {

using namespace thidua;

void check(bool condition) {
    if (!condition) __builtin_trap();
}

void fuzz_csv(std::string_view input) {
    CsvReader reader(input);
    int last_line = 0;
    while (reader.next()) {
        check(reader.line() > last_line);
        last_line = reader.line();
        check(!reader.fields().empty());
        for (std::string_view field : reader.fields())
            check(field.size() <= input.size());
    }
}

void fuzz_cells(std::string_view input) {
    if (const auto number = parse_number(input)) check(std::isfinite(*number));
    if (const auto percent = parse_percentage(input)) check(*percent >= 0 && *percent <= 100);
    if (const auto year = parse_year(input)) check(*year >= kMinYear && *year <= kMaxYear);
    if (const auto date = parse_date(input)) check(date->year() >= 1900);
    if (const auto period = parse_period(input)) check(period->size() == 4 || period->size() == 9);
    parse_disciplined(input);
    parse_gender(input);
    if (is_valid_utf8(input)) {
        check(is_valid_utf8(to_nfc(input)));
        check(is_valid_utf8(fold(input)));
    }
}

DatasetFiles seed_dataset() {
    return {
        {"units.csv",
         "id,name,type,parent_id,tags\nKG,Tỉnh,province,,a\nSNV,Sở,department,KG,b\n"
         "X1,Xã,commune,KG,\nX2,Xã mới,commune,KG,\n"},
        {"lineage.csv", "old_id,new_id,date,weight,main\nX1,X2,2025-07-01,1200,1\n"},
        {"people.csv", "id,name,unit_id,component\nP1,Người,SNV,c1\nP2,Người,X1,\n"},
        {"unit_years.csv", "unit_id,year,par_score,par_max\nSNV,2021,80,100\n"},
        {"component_years.csv", "component_id,unit_id,year,score,max\nc1,SNV,2022,1,2\n"},
        {"person_years.csv", "person_id,year,rating\nP1,2023,htt\n"},
        {"registrations.csv", "subject_id,period,registered_on\nSNV,2021-2025,2022-03-01\n"},
        {"events.csv", "event,year,date\nresults-recognized,2025,2026-01-30\n"},
        {"dossiers.csv", "subject_id,award,period,document\nSNV,a,2023,b\n"},
    };
}

void check_dataset(const Dataset& d) {
    const auto years = static_cast<size_t>(d.year_count);
    check(d.unit_years.present.size() == d.units.size() * years);
    check(d.person_years.unit.size() == d.people.size() * years);
    check(d.unit_by_id.size() == d.units.size());
    check(d.person_index.size() == d.people.size());
    const auto units = static_cast<Index>(d.units.size());
    for (const Unit& u : d.units) {
        check(u.parent < units);
        check(u.predecessor_weight.size() == u.successor_of.size());
        check(u.main_predecessor >= kNoIndex && u.main_predecessor < units);
        for (double w : u.predecessor_weight)
            check(std::isnan(w) || w > 0);
    }
    for (Index u : d.person_years.unit)
        check(u >= 0 && u < static_cast<Index>(d.units.size()));
}

void fuzz_dataset(uint8_t selector, std::string_view content) {
    DatasetFiles files = seed_dataset();
    const auto names = dataset_file_names();
    files[std::string(names[selector % names.size()])] = std::string(content);
    const auto result = read_dataset_from_memory(files);
    if (result) {
        check_dataset(*result);
    } else {
        check(!result.error().empty() && result.error().size() <= 201);
    }
}

// The plain-line readers of people.csv, person_years.csv and registrations.csv (PlainLine.h)
// against the
// TableReader alone, which reads a file whose header ends with an unnamed column: the fuzzed
// rows under DATA.md's header must give the same dataset or the same problems both ways. Only
// for rows without quotes or CRs, where a comma can be added at every line end.
bool same_registrations(const Dataset& a, const Dataset& b) {
    if (a.registrations.size() != b.registrations.size()) return false;
    for (size_t i = 0; i < a.registrations.size(); ++i) {
        const Registration &x = a.registrations[i], &y = b.registrations[i];
        if (x.subject.kind != y.subject.kind || x.subject.index != y.subject.index ||
            x.period != y.period || x.registered_on != y.registered_on)
            return false;
    }
    return true;
}

bool same_people_and_years(const Dataset& a, const Dataset& b) {
    const People &p = a.people, &q = b.people;
    const PersonYears &y = a.person_years, &z = b.person_years;
    return p.id == q.id && p.name == q.name && p.unit == q.unit && p.gender == q.gender &&
           p.par_role == q.par_role && p.resident == q.resident && p.component == q.component &&
           p.tags == q.tags && a.first_year == b.first_year && a.year_count == b.year_count &&
           y.present == z.present && y.unit == z.unit && y.rating == z.rating &&
           y.excellent_par == z.excellent_par && y.initiative == z.initiative &&
           y.initiative_level == z.initiative_level && y.ethics_ok == z.ethics_ok &&
           y.disciplined == z.disciplined;
}

std::string with_trailing_column(std::string_view text) {
    std::string out;
    size_t begin = 0;
    while (begin < text.size()) {
        const size_t end = std::min(text.find('\n', begin), text.size());
        out.append(text.substr(begin, end - begin)).append(",\n");
        begin = end + 1;
    }
    return out;
}

void fuzz_plain_lines(uint8_t selector, std::string_view rows) {
    if (rows.find_first_of("\"\r") != std::string_view::npos) return;
    static const std::pair<const char*, const char*> kFiles[] = {
        {"people.csv", "id,name,unit_id,gender,par_role,resident,component,tags\n"},
        {"person_years.csv",
         "person_id,year,unit_id,rating,excellent_par,initiative,initiative_level,ethics_ok,"
         "disciplined\n"},
        {"registrations.csv", "subject_id,period,registered_on\n"},
    };
    const auto& [name, header] = kFiles[selector % std::size(kFiles)];
    const std::string file = name;
    DatasetFiles plain = seed_dataset();
    plain[file] = std::string(header) + std::string(rows);
    DatasetFiles table = plain;
    table[file] = with_trailing_column(plain[file]);
    const auto a = read_dataset_from_memory(plain);
    const auto b = read_dataset_from_memory(table);
    check(a.has_value() == b.has_value());
    if (a && b) {
        check(same_people_and_years(*a, *b) && same_registrations(*a, *b));
    } else if (!a && !b) {
        check(a.error().size() == b.error().size());
        for (size_t i = 0; i < a.error().size(); ++i)
            check(a.error()[i].format() == b.error()[i].format());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_csv(input);
    if (size < 64) fuzz_cells(input);
    if (size > 0) fuzz_dataset(data[0], input.substr(1));
    // Small inputs only: three imports of a large one would slow the whole target down.
    if (size > 0 && size <= 4096) fuzz_plain_lines(data[0], input.substr(1));
    return 0;
}
