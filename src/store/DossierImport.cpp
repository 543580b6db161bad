#include "store/DossierImport.h"

#include <unordered_map>

#include <fmt/format.h>

#include "store/ImportTables.h"

namespace thidua::store {
namespace {

using tables::kDocumentKey;
using tables::kDocumentValues;
using tables::kDossierDocuments;
using tables::kDossierKey;

const std::string& subject_id(const Dataset& data, const Subject& s) {
    const auto i = static_cast<size_t>(s.index);
    return s.kind == SubjectKind::Unit ? data.units[i].id : data.people.id[i];
}

std::string document_key(const Dataset& data, const DossierDocument& d) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", static_cast<int>(d.subject.kind),
                       subject_id(data, d.subject), d.award, d.period, d.document);
}

Result<> stage_documents(SqlConnection& db, const Dataset& data, const std::string& plan_id) {
    auto base = next_ord(db, kDossierDocuments.table);
    if (!base) return tl::unexpected(base.error());
    auto writer = open_stage(db, kDossierDocuments);
    if (!writer) return tl::unexpected(writer.error());
    // A document listed twice: the last row wins, as for the other records.
    std::unordered_map<std::string, size_t> last;
    for (size_t i = 0; i < data.dossiers.size(); ++i)
        last[document_key(data, data.dossiers[i])] = i;
    for (size_t i = 0; i < data.dossiers.size(); ++i) {
        const DossierDocument& d = data.dossiers[i];
        if (last[document_key(data, d)] != i) continue;
        const std::string on = d.submitted_on ? d.submitted_on->iso() : std::string();
        const SqlValue row[] = {
            SqlValue::of(plan_id),
            SqlValue::of(d.subject.kind == SubjectKind::Unit ? "unit" : "person"),
            SqlValue::of(subject_id(data, d.subject)),
            SqlValue::of(d.award),
            SqlValue::of(d.period),
            SqlValue::of(d.document),
            SqlValue::of(static_cast<int64_t>(d.copies)),
            on.empty() ? SqlValue::null() : SqlValue::of(on),
            SqlValue::of(*base + static_cast<int64_t>(i)),
        };
        if (auto r = (*writer)->add(row); !r) return r;
    }
    return (*writer)->finish();
}

std::string dossier_join() {
    return "JOIN dossiers d ON " + [] {
        std::string out;
        for (const StagedColumn& c : kDossierKey)
            out += fmt::format("{}d.{} = s.{}", out.empty() ? "" : " AND ", c.name, c.name);
        return out;
    }();
}

Result<TableCounts> merge_dossiers(SqlConnection& db) {
    const std::string keys = "plan_id, subject_kind, subject_id, award, period";
    auto total = query_int(
        db, fmt::format("SELECT count(*) FROM (SELECT DISTINCT {} FROM stage_dossier_documents) k",
                        keys));
    if (!total) return tl::unexpected(total.error());
    auto inserted = db.run(fmt::format(
        "INSERT INTO dossiers ({0}) SELECT DISTINCT {0} FROM stage_dossier_documents WHERE true "
        "ON CONFLICT ({0}) DO NOTHING",
        keys));
    if (!inserted) return tl::unexpected(inserted.error());
    return TableCounts{"dossiers", *inserted, 0, *total - *inserted, 0};
}

Result<TableCounts> merge_documents(SqlConnection& db) {
    const std::string join = dossier_join();
    auto counts = count_staged(
        db, "dossier_documents",
        fmt::format("SELECT count(*), coalesce(sum(CASE WHEN t.dossier_id IS NULL THEN 1 ELSE 0 "
                    "END), 0), coalesce(sum(CASE WHEN t.dossier_id IS NOT NULL AND {} THEN 1 "
                    "ELSE 0 END), 0) FROM stage_dossier_documents s {} LEFT JOIN "
                    "dossier_documents t ON t.dossier_id = d.id AND t.document = s.document",
                    all_equal(kDocumentValues, "t", "s"), join));
    if (!counts) return counts;
    auto merged = db.run(fmt::format(
        "INSERT INTO dossier_documents (dossier_id, document, copies, submitted_on, ord) "
        "SELECT d.id, s.document, s.copies, s.submitted_on, s.ord FROM stage_dossier_documents s "
        "{} WHERE true ON CONFLICT (dossier_id, document) DO UPDATE SET copies = "
        "excluded.copies, submitted_on = excluded.submitted_on WHERE {}",
        join, any_distinct(kDocumentValues, "dossier_documents", "excluded")));
    if (!merged) return tl::unexpected(merged.error());
    return counts;
}

}  // namespace

Result<> import_dossiers(SqlConnection& db, const Dataset& data, const std::string& plan_id,
                         std::vector<TableCounts>& out) {
    if (auto r = stage_documents(db, data, plan_id); !r) return r;
    auto dossiers = merge_dossiers(db);
    if (!dossiers) return tl::unexpected(dossiers.error());
    out.push_back(*dossiers);
    auto documents = merge_documents(db);
    if (!documents) return tl::unexpected(documents.error());
    out.push_back(*documents);
    return {};
}

}  // namespace thidua::store
