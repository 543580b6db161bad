#include "io/dataset/DatasetReader.h"

#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "base/HugePages.h"
#include "io/dataset/DatasetBuild.h"

namespace thidua {
namespace {

using detail::DatasetBuild;

struct DatasetFile {
    std::string_view name;
    bool Dataset::*given;  // nullptr for units.csv, which is always given
    void (*read)(DatasetBuild&, std::string_view);
};

// Order matters: each file refers only to ids of the files before it.
constexpr DatasetFile kFiles[] = {
    {"units.csv", nullptr, detail::read_units},
    {"lineage.csv", &Dataset::has_lineage, detail::read_lineage},
    {"people.csv", &Dataset::has_people, detail::read_people},
    {"unit_years.csv", &Dataset::has_unit_years, detail::read_unit_years},
    {"component_years.csv", &Dataset::has_component_years, detail::read_component_years},
    {"person_years.csv", &Dataset::has_person_years, detail::read_person_years},
    {"registrations.csv", &Dataset::has_registrations, detail::read_registrations},
    {"events.csv", &Dataset::has_events, detail::read_events},
    {"dossiers.csv", &Dataset::has_dossiers, detail::read_dossiers},
};

constexpr std::string_view kFileNames[] = {
    "units.csv",        "lineage.csv",       "people.csv", "unit_years.csv", "component_years.csv",
    "person_years.csv", "registrations.csv", "events.csv", "dossiers.csv",
};

bool is_dataset_file(std::string_view name) {
    for (std::string_view known : kFileNames) {
        if (known == name) return true;
    }
    return false;
}

std::string file_list() {
    std::string out;
    for (std::string_view name : kFileNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

void report_file(DiagnosticSink& sink, std::string file, std::string vi, std::string en) {
    sink.add(Diagnostic::about_file(std::move(file), std::move(vi), std::move(en)));
}

void report_unknown_file(DiagnosticSink& sink, const std::string& name) {
    report_file(sink, name,
                fmt::format("Tệp không thuộc bộ dữ liệu; các tệp hợp lệ: {}", file_list()),
                fmt::format("not a dataset file; the valid files are: {}", file_list()));
}

CheckedText apply_filter(const ContentFilter& filter, DiagnosticSink& sink, const std::string& name,
                         std::string& content) {
    Diagnostics problems;
    const CheckedText checked = filter(name, content, problems);
    for (Diagnostic& d : problems)
        sink.add(std::move(d));
    return checked;
}

// Returns the contents of a file, nullopt when the dataset does not have it; problems go to the
// sink. Called on a thread of its own, one file at a time.
using FileLoader =
    std::function<std::optional<std::string>(std::string_view name, DiagnosticSink& problems)>;

struct LoadedFile {
    std::optional<std::string> content;
    DiagnosticSink problems;
    CheckedText checked;  // what the filter made sure of
};

LoadedFile load_and_filter(const FileLoader& load, const ContentFilter& filter,
                           std::string_view name) {
    LoadedFile file;
    file.content = load(name, file.problems);
    if (file.content && filter)
        file.checked = apply_filter(filter, file.problems, std::string(name), *file.content);
    return file;
}

// One thread loads the files and checks their encoding, in order, while this one reads what is
// loaded: people.csv's and person_years.csv's texts (the large ones) are then ready when their
// turn comes, instead of being loaded with both cores waiting. Each file is dropped once read.
// The filter only ever runs on the loading thread, one file after the other.
tl::expected<Dataset, Diagnostics> read_dataset(const FileLoader& load, DiagnosticSink& sink,
                                                const std::string& source,
                                                const ContentFilter& filter) {
    DatasetBuild build(sink);
    std::vector<std::promise<LoadedFile>> loading(std::size(kFiles));
    std::vector<std::future<LoadedFile>> loaded_files;
    for (std::promise<LoadedFile>& p : loading)
        loaded_files.push_back(p.get_future());
    const std::jthread loader([&] {
        for (size_t i = 0; i < std::size(kFiles); ++i)
            loading[i].set_value(load_and_filter(load, filter, kFiles[i].name));
    });
    for (size_t i = 0; i < std::size(kFiles); ++i) {
        const DatasetFile& file = kFiles[i];
        LoadedFile loaded = loaded_files[i].get();
        sink.absorb(std::move(loaded.problems));
        std::optional<std::string>& content = loaded.content;
        if (!content) {
            if (file.given == nullptr)
                report_file(sink, std::string(file.name), "Thiếu tệp bắt buộc units.csv",
                            "the required file units.csv is missing");
            continue;
        }
        if (file.given != nullptr) build.data.*file.given = true;
        build.content_valid_utf8 = loaded.checked.valid_utf8;
        build.content_nfc = loaded.checked.valid_utf8 && loaded.checked.nfc;
        file.read(build, *content);
    }
    detail::assemble_years(build);
    if (!sink.empty()) return tl::unexpected(sink.take(source));
    return std::move(build.data);
}

std::optional<std::string> load_file(DiagnosticSink& sink, const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    std::ifstream in(path, std::ios::binary);
    if (error || !std::filesystem::is_regular_file(path, error) || !in) {
        report_file(sink, path.filename().string(), "Không đọc được tệp",
                    "the file cannot be read");
        return std::string();
    }
    // Sized once and read in place: person_years.csv of a province runs to hundreds of MB.
    std::string content = huge_string(static_cast<size_t>(size));
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<size_t>(in.gcount()));
    return content;
}

bool has_csv_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".csv";
}

void check_dir_files(DiagnosticSink& sink, const std::filesystem::path& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (has_csv_extension(entry.path()) && !is_dataset_file(name))
            report_unknown_file(sink, name);
    }
}

}  // namespace

tl::expected<void, Diagnostics> apply_lineage_table(Dataset& units, std::string_view content) {
    DiagnosticSink sink;
    DatasetBuild build(sink);
    build.data = units;
    build.unit_line.assign(units.units.size(), 0);
    detail::read_lineage(build, content);
    if (!sink.empty()) return tl::unexpected(sink.take("lineage.csv"));
    build.data.has_lineage = true;
    units = std::move(build.data);
    return {};
}

std::span<const std::string_view> dataset_file_names() {
    return kFileNames;
}

tl::expected<Dataset, Diagnostics> read_dataset_dir(const std::filesystem::path& dir,
                                                    const ContentFilter& filter) {
    DiagnosticSink sink;
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        report_file(sink, dir.string(), "Không tìm thấy thư mục dữ liệu",
                    "the data folder does not exist or is not a folder");
        return tl::unexpected(sink.take(dir.string()));
    }
    check_dir_files(sink, dir);
    const FileLoader load = [&](std::string_view name, DiagnosticSink& problems) {
        return load_file(problems, dir / name);
    };
    return read_dataset(load, sink, dir.string(), filter);
}

tl::expected<Dataset, Diagnostics> read_dataset_from_memory(const DatasetFiles& files,
                                                            const ContentFilter& filter) {
    DiagnosticSink sink;
    for (const auto& [name, content] : files) {
        if (!is_dataset_file(name)) report_unknown_file(sink, name);
    }
    const FileLoader load = [&](std::string_view name,
                                DiagnosticSink&) -> std::optional<std::string> {
        const auto found = files.find(std::string(name));
        if (found == files.end()) return std::nullopt;
        return found->second;
    };
    return read_dataset(load, sink, "dataset", filter);
}

}  // namespace thidua
