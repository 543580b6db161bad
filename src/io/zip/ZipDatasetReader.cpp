#include "io/zip/ZipDatasetReader.h"

#include <fmt/format.h>

#include "io/dataset/DatasetReader.h"
#include "io/encoding/CsvEncodingFilter.h"
#include "io/zip/ZipArchive.h"

namespace thidua {
namespace {

struct CsvEntry {
    size_t index;
    std::string folder;  // "" or "data/"
    std::string file;    // "units.csv"
};

Diagnostics problem(const std::string& file, std::string vi, std::string en) {
    return {Diagnostic::about_file(file, std::move(vi), std::move(en))};
}

bool is_csv(std::string_view name) {
    if (name.size() < 4) return false;
    std::string ext(name.substr(name.size() - 4));
    for (char& c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".csv";
}

// CSV entries of the archive, skipping folders and what macOS adds (__MACOSX/, ._ files).
std::vector<CsvEntry> csv_entries(const ZipArchive& archive) {
    std::vector<CsvEntry> out;
    for (size_t i = 0; i < archive.names().size(); ++i) {
        const std::string& name = archive.names()[i];
        const size_t slash = name.rfind('/');
        const std::string file = slash == std::string::npos ? name : name.substr(slash + 1);
        if (name.starts_with("__MACOSX/") || file.starts_with("._") || !is_csv(file)) continue;
        out.push_back({i, slash == std::string::npos ? "" : name.substr(0, slash + 1), file});
    }
    return out;
}

tl::expected<DatasetFiles, Diagnostics> load_files(ZipArchive& archive, const std::string& name) {
    const std::vector<CsvEntry> entries = csv_entries(archive);
    if (entries.empty())
        return tl::unexpected(
            problem(name, "Tệp nén không có tệp CSV nào", "the archive holds no CSV file"));
    DatasetFiles files;
    for (const CsvEntry& e : entries) {
        if (e.folder != entries.front().folder)
            return tl::unexpected(
                problem(name, "Các tệp CSV phải nằm cùng một thư mục trong tệp nén",
                        "the CSV files must all be in the same folder of the archive"));
        auto content = archive.read(e.index);
        if (!content) return tl::unexpected(problem(name, content.error().vi, content.error().en));
        files[e.file] = std::move(*content);
    }
    return files;
}

// Problems name the entry inside the archive: "data.zip/2024/units.csv".
void relabel(Diagnostics& ds, const std::string& name, const std::string& folder) {
    for (Diagnostic& d : ds)
        d.file = d.file == "dataset" ? name : fmt::format("{}/{}{}", name, folder, d.file);
}

std::string folder_of(const ZipArchive& archive) {
    const std::vector<CsvEntry> entries = csv_entries(archive);
    return entries.empty() ? "" : entries.front().folder;
}

tl::expected<Dataset, Diagnostics> read_archive(ZipArchive& archive, const std::string& name,
                                                Diagnostics& warnings) {
    auto files = load_files(archive, name);
    if (!files) return tl::unexpected(std::move(files.error()));
    const std::string folder = folder_of(archive);
    Diagnostics converted;
    auto data = read_dataset_from_memory(*files, csv_encoding_filter(converted));
    relabel(converted, name, folder);
    warnings.insert(warnings.end(), converted.begin(), converted.end());
    if (!data) {
        relabel(data.error(), name, folder);
        return tl::unexpected(std::move(data.error()));
    }
    return data;
}

}  // namespace

tl::expected<Dataset, Diagnostics> read_dataset_zip(const std::filesystem::path& path,
                                                    Diagnostics& warnings) {
    const std::string name = path.filename().string();
    auto archive = ZipArchive::open_file(path);
    if (!archive) return tl::unexpected(problem(name, archive.error().vi, archive.error().en));
    return read_archive(*archive, name, warnings);
}

tl::expected<Dataset, Diagnostics> read_dataset_zip_from_memory(std::string_view bytes,
                                                                const std::string& name,
                                                                Diagnostics& warnings) {
    auto archive = ZipArchive::open_memory(bytes);
    if (!archive) return tl::unexpected(problem(name, archive.error().vi, archive.error().en));
    return read_archive(*archive, name, warnings);
}

}  // namespace thidua
