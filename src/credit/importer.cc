// The import run: header check, row validation in chunks, register lookups, bulk writes,
// and the run's history entry (see importer.h).
#include "credit/importer.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "base/clock.h"
#include "store/credit_record_table.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::credit {

namespace {

// Rows are validated one by one and checked against the register a chunk at a time, so that
// the lookups are a few queries per thousand rows on either backend.
constexpr std::size_t kChunkRows = 500;

template <typename T>
struct Pending {
  T value;
  std::int64_t row;
};

class ImportJob {
 public:
  ImportJob(soci::session& sql, const ImportRequest& request, sheet::TableReader& reader,
            ImportReport& report)
      : sql_(sql), request_(request), reader_(reader), report_(report), today_(Date::Today()) {}

  Status Run() {
    if (request_.kind == ImportKind::kEnterprises) {
      enterprises_.emplace();
      ZL_ASSIGN_OR_RETURN(enterprise_inserter_, store::EnterpriseInserter::Create(sql_));
    } else {
      records_.emplace(sql_, request_.actor.label, report_.run.id,
                       store::dialect::BulkWriter::OnConflict::kSkip);
    }
    std::vector<std::string> cells;
    while (true) {
      ZL_ASSIGN_OR_RETURN(bool more, reader_.Next(cells));
      if (!more) break;
      ZL_RETURN_IF_ERROR(Row(cells, reader_.row()));
    }
    ZL_RETURN_IF_ERROR(FlushChunk());
    if (request_.strict && report_.run.rejected > 0) {
      refused_ = true;  // roll back everything written so far
      return Status::FailedPrecondition("strict import refused: rows were rejected");
    }
    if (enterprise_inserter_) {
      ZL_RETURN_IF_ERROR(enterprise_inserter_->Finish());
    } else {
      ZL_RETURN_IF_ERROR(records_->Finish());
      report_.run.inserted = records_->inserted();
      report_.run.unchanged = report_.run.accepted - report_.run.inserted;
    }
    return Status();
  }

  std::vector<store::ImportError>& errors() { return errors_; }
  bool refused() const { return refused_; }

 private:
  Status Row(const std::vector<std::string>& cells, std::int64_t row) {
    const std::size_t before = errors_.size();
    if (request_.kind == ImportKind::kEnterprises) {
      if (auto e = ParseEnterpriseRow(cells, row, today_, errors_)) {
        if (NotDuplicate(e->uscc, row)) enterprises_->push_back({std::move(*e), row});
      }
    } else if (auto r = ParseRecordRow(cells, row, today_, errors_)) {
      std::string key = r->uscc;
      std::int64_t natural = r->NaturalKey();
      key.append(reinterpret_cast<const char*>(&natural), sizeof natural);
      if (NotDuplicate(key, row)) pending_records_.push_back({std::move(*r), row});
    }
    if (errors_.size() != before) ++report_.run.rejected;
    if (pending_records_.size() + (enterprises_ ? enterprises_->size() : 0) >= kChunkRows) {
      return FlushChunk();
    }
    return Status();
  }

  bool NotDuplicate(const std::string& key, std::int64_t row) {
    auto [it, inserted] = seen_.try_emplace(key, row);
    if (inserted) return true;
    errors_.push_back({row, "", fmt::format("duplicate of row {}", it->second)});
    return false;
  }

  Status Reject(std::int64_t row, std::string column, std::string reason) {
    errors_.push_back({row, std::move(column), std::move(reason)});
    ++report_.run.rejected;
    return Status();
  }

  // The region check every row passes: province-wide actors reach all, others their own.
  bool InScope(const std::string& region) const {
    return request_.actor.region_code.empty() || region == request_.actor.region_code;
  }

  Status FlushChunk() {
    std::vector<std::string> usccs;
    if (enterprises_) {
      for (const auto& p : *enterprises_) usccs.push_back(p.value.uscc);
    } else {
      for (const auto& p : pending_records_) usccs.push_back(p.value.uscc);
    }
    if (usccs.empty()) return Status();
    ZL_ASSIGN_OR_RETURN(std::vector<domain::Enterprise> found,
                        store::FindEnterprises(sql_, usccs));
    std::unordered_map<std::string, domain::Enterprise> existing;
    for (domain::Enterprise& e : found) existing.emplace(e.uscc, std::move(e));
    const std::string scope = fmt::format("is outside your region ({})", request_.actor.region_code);
    if (enterprises_) {
      for (auto& [e, row] : *enterprises_) {
        auto it = existing.find(e.uscc);
        if (!InScope(e.region_code)) {
          ZL_RETURN_IF_ERROR(Reject(row, "region_code", scope));
        } else if (it != existing.end() && !InScope(it->second.region_code)) {
          ZL_RETURN_IF_ERROR(Reject(row, "uscc", "the enterprise " + scope));
        } else if (it == existing.end()) {
          ++report_.run.accepted;
          ++report_.run.inserted;
          ZL_RETURN_IF_ERROR(enterprise_inserter_->Add(e));
        } else if (SameEnterprise(it->second, e)) {
          ++report_.run.accepted;
          ++report_.run.unchanged;
        } else {
          ++report_.run.accepted;
          ++report_.run.updated;
          store::UpdateEnterprise(sql_, it->second, e);
        }
      }
      enterprises_->clear();
    } else {
      for (auto& [r, row] : pending_records_) {
        auto it = existing.find(r.uscc);
        if (it == existing.end()) {
          ZL_RETURN_IF_ERROR(Reject(row, "uscc", "no enterprise with this USCC in the register"));
        } else if (!InScope(it->second.region_code)) {
          ZL_RETURN_IF_ERROR(Reject(row, "uscc", "the enterprise " + scope));
        } else {
          ++report_.run.accepted;
          ZL_RETURN_IF_ERROR(records_->Add(r));
        }
      }
      pending_records_.clear();
    }
    return Status();
  }

  static bool SameEnterprise(const domain::Enterprise& a, const domain::Enterprise& b) {
    return a.name == b.name && a.region_code == b.region_code &&
           a.industry_code == b.industry_code && a.size == b.size &&
           a.founded_on == b.founded_on && a.legal_representative == b.legal_representative &&
           a.address == b.address;
  }

  soci::session& sql_;
  const ImportRequest& request_;
  sheet::TableReader& reader_;
  ImportReport& report_;
  Date today_;
  std::vector<store::ImportError> errors_;
  std::unordered_map<std::string, std::int64_t> seen_;  // key -> first row
  std::optional<std::vector<Pending<domain::Enterprise>>> enterprises_;
  std::vector<Pending<domain::CreditRecord>> pending_records_;
  std::unique_ptr<store::EnterpriseInserter> enterprise_inserter_;
  std::optional<store::RecordInserter> records_;
  bool refused_ = false;
};

// Writes the run's errors (at most kStoredErrors) and copies the first ones to the report.
Status RecordErrors(soci::session& sql, ImportReport& report,
                    std::vector<store::ImportError>& errors) {
  // Register checks run a chunk at a time, after the cell checks of later rows: restore row
  // order (stable, so a row's errors keep their column order).
  std::stable_sort(errors.begin(), errors.end(),
                   [](const store::ImportError& a, const store::ImportError& b) {
                     return a.row < b.row;
                   });
  report.errors_total = static_cast<std::int64_t>(errors.size());
  std::size_t stored = std::min(errors.size(), kStoredErrors);
  report.errors.assign(errors.begin(),
                       errors.begin() + static_cast<std::ptrdiff_t>(std::min(stored, kReportedErrors)));
  return store::AddImportErrors(sql, report.run.id, 1,
                                std::span<const store::ImportError>(errors.data(), stored));
}

}  // namespace

Result<ImportReport> ImportTable(store::Database& db, const ImportRequest& request,
                                 sheet::TableReader& reader, const ImportHook& on_record) {
  std::vector<std::string> header;
  ZL_ASSIGN_OR_RETURN(bool has_header, reader.Next(header));
  if (!has_header) return Status::InvalidArgument("the file is empty (no header row)", "file");
  ZL_RETURN_IF_ERROR(CheckHeader(request.kind, header));

  ImportReport report;
  store::ImportRun& run = report.run;
  run.kind = std::string(ImportKindName(request.kind));
  run.file_name = request.file_name;
  run.format = std::string(reader.format());
  run.actor = request.actor.label;
  run.actor_region = request.actor.region_code;
  run.strict = request.strict;
  run.created_at = NowIsoUtc();
  std::vector<store::ImportError> errors;
  bool refused = false;
  Status data = db.Write(
      [&](soci::session& sql) {
        run.committed = true;
        ZL_ASSIGN_OR_RETURN(run.id, store::InsertImportRun(sql, run));
        ImportJob job(sql, request, reader, report);
        Status s = job.Run();
        errors = std::move(job.errors());
        refused = job.refused();
        ZL_RETURN_IF_ERROR(s);
        store::UpdateImportRun(sql, run);
        ZL_RETURN_IF_ERROR(RecordErrors(sql, report, errors));
        return on_record ? on_record(sql, run) : Status();
      },
      store::Database::Retry::kNever);  // the reader cannot be rewound
  if (data.ok()) return report;
  if (!refused) return data;

  // Refused: nothing of the file was written; keep the run and its errors for the report.
  run.committed = false;
  run.inserted = run.updated = run.unchanged = 0;
  ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(run.id, store::InsertImportRun(sql, run));
    ZL_RETURN_IF_ERROR(RecordErrors(sql, report, errors));
    return on_record ? on_record(sql, run) : Status();
  }));
  return report;
}

}  // namespace zl::credit
