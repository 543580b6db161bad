#include "io/write/DatasetCsvWriter.h"

#include <fstream>
#include <set>

#include <fmt/format.h>

#include "io/write/CsvWriter.h"
#include "io/write/DatasetTables.h"

namespace thidua {
namespace {

Diagnostic problem(const std::filesystem::path& path, std::string vi, std::string en) {
    return Diagnostic::about_file(path.string(), std::move(vi), std::move(en));
}

// Each file is written under a temporary name and renamed when complete, so a failed export
// never leaves a half-written file that reads as a shorter dataset.
class CsvFolderSink : public TableSink {
public:
    explicit CsvFolderSink(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    void begin_table(const SchemaFile& file) override {
        m_final = m_dir / file.file;
        m_temp = m_dir / (std::string(file.file) + ".tmp");
        m_out.open(m_temp, std::ios::binary | std::ios::trunc);
        std::vector<std::string_view> header;
        for (const SchemaColumn& c : file.columns)
            header.push_back(c.name);
        write_csv_record(m_out, header);
    }
    void row(std::span<const OutCell> cells) override {
        m_fields.clear();
        for (const OutCell& c : cells)
            m_fields.emplace_back(c.text);
        write_csv_record(m_out, m_fields);
    }
    void end_table() override {
        m_out.close();
        std::error_code error;
        if (!m_out.fail()) std::filesystem::rename(m_temp, m_final, error);
        if (m_out.fail() || error) {
            std::filesystem::remove(m_temp, error);
            errors.push_back(problem(m_final, "Không ghi được tệp", "cannot write the file"));
        }
        m_out.clear();
    }

    Diagnostics errors;

private:
    std::filesystem::path m_dir, m_final, m_temp;
    std::ofstream m_out;
    std::vector<std::string_view> m_fields;
};

std::set<std::string_view> files_written(const Dataset& data) {
    struct Probe : TableSink {
        std::set<std::string_view> names;
        void begin_table(const SchemaFile& f) override { names.insert(f.file); }
        void row(std::span<const OutCell>) override {}
        void end_table() override {}
    };
    // An empty copy emits the same tables (they depend on the has_* flags only) with no rows.
    Dataset flags;
    flags.has_people = data.has_people;
    flags.has_unit_years = data.has_unit_years;
    flags.has_component_years = data.has_component_years;
    flags.has_person_years = data.has_person_years;
    flags.has_registrations = data.has_registrations;
    flags.has_events = data.has_events;
    flags.has_dossiers = data.has_dossiers;
    Probe probe;
    emit_dataset_tables(flags, probe);
    return probe.names;
}

Diagnostics stale_files(const Dataset& data, const std::filesystem::path& dir) {
    const std::set<std::string_view> written = files_written(data);
    Diagnostics out;
    for (const SchemaFile& f : dataset_schema()) {
        std::error_code error;
        if (written.contains(f.file) || !std::filesystem::exists(dir / f.file, error)) continue;
        out.push_back(problem(dir / f.file,
                              "Thư mục đã có tệp này nhưng bộ dữ liệu không có nó; hãy xuất ra "
                              "một thư mục trống",
                              "the folder already holds this file, which the dataset does not "
                              "have; export to an empty folder"));
    }
    return out;
}

}  // namespace

tl::expected<void, Diagnostics> write_dataset_csv_dir(const Dataset& data,
                                                      const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error || !std::filesystem::is_directory(dir, error)) {
        return tl::unexpected(Diagnostics{problem(dir, "Không tạo được thư mục để ghi dữ liệu",
                                                  "cannot create the output folder")});
    }
    Diagnostics stale = stale_files(data, dir);
    if (!stale.empty()) return tl::unexpected(std::move(stale));
    CsvFolderSink sink(dir);
    emit_dataset_tables(data, sink);
    if (!sink.errors.empty()) return tl::unexpected(std::move(sink.errors));
    return {};
}

}  // namespace thidua
