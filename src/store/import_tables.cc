// SQL for the import history, the same text on both backends.
#include "store/import_tables.h"

#include <soci/soci.h>

#include "store/dialect.h"

namespace zl::store {

namespace {

constexpr const char* kRunColumns =
    "id, kind, file_name, format, actor, actor_region, strict, committed, accepted, rejected, "
    "inserted, updated, unchanged, created_at";

struct RunRow {
  long long id = 0, strict = 0, committed = 0, accepted = 0, rejected = 0, inserted = 0,
            updated = 0, unchanged = 0;
  std::string kind, file_name, format, actor, actor_region, created_at;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* f : {&kind, &file_name, &format, &actor, &actor_region}) {
      st.exchange(soci::into(*f));
    }
    for (long long* n :
         {&strict, &committed, &accepted, &rejected, &inserted, &updated, &unchanged}) {
      st.exchange(soci::into(*n));
    }
    st.exchange(soci::into(created_at));
  }

  ImportRun ToRun() const {
    return {id,           kind,        file_name,      format,    actor,
            actor_region, strict != 0, committed != 0, accepted,  rejected,
            inserted,     updated,     unchanged,      created_at};
  }
};

}  // namespace

Result<std::int64_t> InsertImportRun(soci::session& sql, const ImportRun& run) {
  long long strict = run.strict, committed = run.committed, accepted = run.accepted,
            rejected = run.rejected, inserted = run.inserted, updated = run.updated,
            unchanged = run.unchanged;
  long long id = 0;
  sql << "INSERT INTO import_run (kind, file_name, format, actor, actor_region, strict, committed, "
         "accepted, rejected, inserted, updated, unchanged, created_at) VALUES (:kind, :file, "
         ":format, :actor, :region, :strict, :committed, :accepted, :rejected, :inserted, "
         ":updated, :unchanged, :at) RETURNING id",
      soci::use(run.kind), soci::use(run.file_name), soci::use(run.format), soci::use(run.actor),
      soci::use(run.actor_region), soci::use(strict), soci::use(committed), soci::use(accepted),
      soci::use(rejected), soci::use(inserted), soci::use(updated), soci::use(unchanged),
      soci::use(run.created_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

void UpdateImportRun(soci::session& sql, const ImportRun& run) {
  long long id = run.id, committed = run.committed, accepted = run.accepted,
            rejected = run.rejected, inserted = run.inserted, updated = run.updated,
            unchanged = run.unchanged;
  sql << "UPDATE import_run SET committed = :committed, accepted = :accepted, rejected = "
         ":rejected, inserted = :inserted, updated = :updated, unchanged = :unchanged WHERE id = "
         ":id",
      soci::use(committed), soci::use(accepted), soci::use(rejected), soci::use(inserted),
      soci::use(updated), soci::use(unchanged), soci::use(id);
}

Status AddImportErrors(soci::session& sql, std::int64_t import_id, std::int64_t first_seq,
                       std::span<const ImportError> errors) {
  auto writer =
      dialect::BulkWriter::Create(sql, dialect::BackendOf(sql), "import_error",
                                  {"import_id", "seq", "row_number", "column_name", "reason"});
  std::string id = std::to_string(import_id);
  std::int64_t seq = first_seq;
  for (const ImportError& e : errors) {
    std::string seq_text = std::to_string(seq++);
    std::string row = std::to_string(e.row);
    ZL_RETURN_IF_ERROR(writer->Add({id, seq_text, row, e.column, e.reason}));
  }
  return writer->Finish();
}

Result<std::optional<ImportRun>> FindImportRun(soci::session& sql, std::int64_t id) {
  RunRow row;
  long long key = id;
  soci::statement st(sql);
  row.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kRunColumns + " FROM import_run WHERE id = :id");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<ImportRun>();
  return std::optional<ImportRun>(row.ToRun());
}

Result<std::vector<ImportRun>> ListImportRuns(soci::session& sql, const std::string& region,
                                              int limit, std::int64_t offset, std::int64_t& total) {
  std::string where = region.empty() ? "" : " WHERE actor_region = :region";
  std::string region_value = region;
  {
    long long n = 0;
    soci::statement st(sql);
    st.exchange(soci::into(n));
    if (!region.empty()) st.exchange(soci::use(region_value));
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM import_run" + where);
    st.define_and_bind();
    st.execute(true);
    total = n;
  }
  std::vector<ImportRun> out;
  RunRow row;
  soci::statement st(sql);
  row.Into(st);
  if (!region.empty()) st.exchange(soci::use(region_value));
  st.alloc();
  st.prepare(std::string("SELECT ") + kRunColumns + " FROM import_run" + where +
             " ORDER BY id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
             std::to_string(offset));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(row.ToRun());
  return out;
}

Status ScanImportErrors(soci::session& sql, std::int64_t import_id, std::int64_t limit,
                        const std::function<void(const ImportError&)>& visit) {
  long long id = import_id;
  long long row_number = 0;
  ImportError e;
  std::string limit_clause = limit >= 0 ? " LIMIT " + std::to_string(limit) : "";
  soci::statement st =
      (sql.prepare << "SELECT row_number, column_name, reason FROM import_error "
                      "WHERE import_id = :id ORDER BY seq"
                   << limit_clause,
       soci::into(row_number), soci::into(e.column), soci::into(e.reason), soci::use(id));
  st.execute(false);
  while (st.fetch()) {
    e.row = row_number;
    visit(e);
  }
  return Status();
}

}  // namespace zl::store
