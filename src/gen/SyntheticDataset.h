#pragma once
// A synthetic dataset for load and scale tests, written straight to a CSV folder (DATA.md).

#include <cstdint>
#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace thidua::gen {

struct GenOptions {
    std::string preset = "province";  // national | province | tiny
    int first_year = 2021;
    int last_year = 2025;
    uint64_t seed = 1;
    // People per unit as a percentage of the preset's (units stay): smaller runs for tests.
    int people_percent = 100;
};

struct GenCounts {
    int64_t units = 0, people = 0, unit_years = 0, person_years = 0, registrations = 0;
};

bool is_preset(const std::string& name);

// Writes units, people, unit_years, component_years, person_years, registrations and events
// .csv into `dir` (created when missing). Refuses a folder holding other .csv files (they would
// be read back as part of the dataset). The error is a message in Vietnamese and English.
tl::expected<GenCounts, std::string> generate_dataset(const GenOptions& options,
                                                      const std::filesystem::path& dir);

}  // namespace thidua::gen
