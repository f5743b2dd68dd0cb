// The import run: header check; a reading thread (rows, cell checks, repeats) handing
// batches to the writing thread (register lookups, region, bulk writes); the run's history
// entry (see importer.h).
#include "credit/importer.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "base/clock.h"
#include "store/credit_record_table.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::credit {

namespace {

// Rows are validated one by one and checked against the register a chunk at a time, so that
// the lookups are a few queries per thousand rows on either backend.
constexpr std::size_t kChunkRows = 1000;

// What makes a row a repeat of an earlier one: the USCC, packed exactly (18 ASCII characters
// of 6 bits each in two words), and for records the natural key. No allocation per row.
struct RowKey {
  std::uint64_t uscc_high = 0, uscc_low = 0, natural = 0;
  bool operator==(const RowKey&) const = default;
};

struct RowKeyHash {
  std::size_t operator()(const RowKey& k) const {
    std::uint64_t h = k.uscc_high * 0x9e3779b97f4a7c15ULL ^ k.uscc_low;
    h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9ULL ^ k.natural;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// The first row of each key seen, in an open-addressing table (linear probing, kept at most
// half full): one flat array instead of a node per row, which a million-row file notices.
class SeenRows {
 public:
  // The row that already had `key`, or 0 after recording `row` (rows start at 2).
  std::int64_t FirstOrAdd(const RowKey& key, std::int64_t row) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = RowKeyHash()(key) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.row == 0) {
        slot = {key, row};
        ++size_;
        return 0;
      }
      if (slot.key == key) return slot.row;
    }
  }

 private:
  struct Slot {
    RowKey key;
    std::int64_t row = 0;  // 0: empty
  };
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    size_ = 0;
    for (const Slot& s : old) {
      if (s.row != 0) FirstOrAdd(s.key, s.row);
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

RowKey KeyOf(const std::string& uscc, std::uint64_t natural) {
  RowKey key{0, 0, natural};
  for (std::size_t i = 0; i < uscc.size() && i < 18; ++i) {
    std::uint64_t& word = i < 9 ? key.uscc_high : key.uscc_low;
    word = word << 6 | static_cast<std::uint64_t>(static_cast<unsigned char>(uscc[i]) - '0');
  }
  return key;
}

template <typename T>
struct Pending {
  T value;
  std::int64_t row;
  std::int64_t natural_key = 0;  // records: computed once, for the duplicate check and the row
};

// Rows that passed the cell checks, on their way to the register checks and the writes.
struct Batch {
  std::vector<Pending<domain::Enterprise>> enterprises;
  std::vector<Pending<domain::CreditRecord>> records;
  bool empty() const { return enterprises.empty() && records.empty(); }
  std::size_t size() const { return enterprises.size() + records.size(); }
};

// Hands batches from the reading thread to the writing one; bounded, so that memory stays
// flat whichever side is slower. The reader ends the stream with its final status.
class BatchQueue {
 public:
  void Push(Batch batch) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < kDepth || cancelled_; });
    if (cancelled_) return;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }
  void Close(Status status) {
    std::lock_guard lock(mu_);
    closed_ = true;
    status_ = std::move(status);
    ready_.notify_one();
  }
  // False once the stream has ended (then status() says how).
  bool Pop(Batch& batch) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    batch = std::move(queue_.front());
    queue_.pop_front();
    space_.notify_one();
    return true;
  }
  // The writer gave up: the reader stops at its next batch.
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    space_.notify_all();
  }
  bool cancelled() {
    std::lock_guard lock(mu_);
    return cancelled_;
  }
  Status status() {
    std::lock_guard lock(mu_);
    return status_;
  }

 private:
  static constexpr std::size_t kDepth = 4;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<Batch> queue_;
  bool closed_ = false, cancelled_ = false;
  Status status_;
};

// The reading side: rows from the file, cell checks, repeats within the file. Runs on its
// own thread and touches no database.
class RowStage {
 public:
  RowStage(ImportKind kind, sheet::TableReader& reader, BatchQueue& queue)
      : kind_(kind), reader_(reader), queue_(queue), today_(Date::Today()) {}

  void Run() { queue_.Close(ReadAll()); }

  std::vector<store::ImportError>& errors() { return errors_; }
  std::int64_t rejected() const { return rejected_; }

 private:
  Status ReadAll() {
    std::vector<std::string> cells;
    Batch batch;
    while (true) {
      ZL_ASSIGN_OR_RETURN(bool more, reader_.Next(cells));
      if (!more) break;
      Row(cells, reader_.row(), batch);
      if (batch.size() >= kChunkRows) {
        if (queue_.cancelled()) return Status();
        queue_.Push(std::move(batch));
        batch = Batch();
      }
    }
    if (!batch.empty()) queue_.Push(std::move(batch));
    return Status();
  }

  void Row(std::vector<std::string>& cells, std::int64_t row, Batch& batch) {
    const std::size_t before = errors_.size();
    if (kind_ == ImportKind::kEnterprises) {
      if (auto e = ParseEnterpriseRow(cells, row, today_, errors_)) {
        if (NotDuplicate(KeyOf(e->uscc, 0), row)) batch.enterprises.push_back({std::move(*e), row});
      }
    } else if (auto r = ParseRecordRow(cells, row, today_, errors_)) {
      const std::int64_t natural = r->NaturalKey();
      if (NotDuplicate(KeyOf(r->uscc, static_cast<std::uint64_t>(natural)), row)) {
        batch.records.push_back({std::move(*r), row, natural});
      }
    }
    if (errors_.size() != before) ++rejected_;
  }

  bool NotDuplicate(const RowKey& key, std::int64_t row) {
    std::int64_t first = seen_.FirstOrAdd(key, row);
    if (first == 0) return true;
    errors_.push_back({row, "", fmt::format("duplicate of row {}", first)});
    return false;
  }

  ImportKind kind_;
  sheet::TableReader& reader_;
  BatchQueue& queue_;
  Date today_;
  std::vector<store::ImportError> errors_;
  std::int64_t rejected_ = 0;
  SeenRows seen_;
};

// The writing side, in the caller's transaction: register lookups, the importer's region,
// and the bulk writes.
class WriteStage {
 public:
  WriteStage(soci::session& sql, const ImportRequest& request, ImportReport& report)
      : sql_(sql), request_(request), report_(report), lookup_(sql) {}

  Status Start() {
    if (request_.kind == ImportKind::kEnterprises) {
      ZL_ASSIGN_OR_RETURN(enterprises_, store::EnterpriseInserter::Create(sql_));
    } else {
      records_.emplace(sql_, request_.actor.label, report_.run.id,
                       store::dialect::BulkWriter::OnConflict::kSkip);
    }
    return Status();
  }

  Status Write(Batch& batch) {
    // Each enterprise once: a file usually lists an enterprise's records together.
    std::vector<std::string_view> usccs;
    usccs.reserve(batch.size());
    for (const auto& p : batch.enterprises) usccs.push_back(p.value.uscc);
    for (const auto& p : batch.records) usccs.push_back(p.value.uscc);
    std::sort(usccs.begin(), usccs.end());
    usccs.erase(std::unique(usccs.begin(), usccs.end()), usccs.end());
    ZL_ASSIGN_OR_RETURN(std::vector<domain::Enterprise> found, lookup_.Find(usccs));
    std::unordered_map<std::string, domain::Enterprise> existing;
    for (domain::Enterprise& e : found) existing.emplace(e.uscc, std::move(e));
    for (auto& [e, row, unused] : batch.enterprises) {
      auto it = existing.find(e.uscc);
      if (!InScope(e.region_code)) {
        Reject(row, "region_code", OutsideRegion(""));
      } else if (it != existing.end() && !InScope(it->second.region_code)) {
        Reject(row, "uscc", OutsideRegion("the enterprise "));
      } else if (it == existing.end()) {
        ++report_.run.accepted;
        ++report_.run.inserted;
        ZL_RETURN_IF_ERROR(enterprises_->Add(e));
      } else if (SameEnterprise(it->second, e)) {
        ++report_.run.accepted;
        ++report_.run.unchanged;
      } else {
        ++report_.run.accepted;
        ++report_.run.updated;
        store::UpdateEnterprise(sql_, it->second, e);
      }
    }
    for (auto& [r, row, natural] : batch.records) {
      auto it = existing.find(r.uscc);
      if (it == existing.end()) {
        Reject(row, "uscc", "no enterprise with this USCC in the register");
      } else if (!InScope(it->second.region_code)) {
        Reject(row, "uscc", OutsideRegion("the enterprise "));
      } else {
        ++report_.run.accepted;
        ZL_RETURN_IF_ERROR(records_->Add(r, natural));
      }
    }
    return Status();
  }

  Status Finish() {
    if (enterprises_) return enterprises_->Finish();
    ZL_RETURN_IF_ERROR(records_->Finish());
    report_.run.inserted = records_->inserted();
    report_.run.unchanged = report_.run.accepted - report_.run.inserted;
    return Status();
  }

  std::vector<store::ImportError>& errors() { return errors_; }
  std::int64_t rejected() const { return rejected_; }

 private:
  void Reject(std::int64_t row, std::string column, std::string reason) {
    errors_.push_back({row, std::move(column), std::move(reason)});
    ++rejected_;
  }

  // Province-wide importers reach every region, others their own.
  bool InScope(const std::string& region) const {
    return request_.actor.region_code.empty() || region == request_.actor.region_code;
  }
  std::string OutsideRegion(std::string_view what) const {
    return fmt::format("{}is outside your region ({})", what, request_.actor.region_code);
  }

  static bool SameEnterprise(const domain::Enterprise& a, const domain::Enterprise& b) {
    return a.name == b.name && a.region_code == b.region_code &&
           a.industry_code == b.industry_code && a.size == b.size && a.founded_on == b.founded_on &&
           a.legal_representative == b.legal_representative && a.address == b.address;
  }

  soci::session& sql_;
  const ImportRequest& request_;
  ImportReport& report_;
  store::EnterpriseLookup lookup_;
  std::unique_ptr<store::EnterpriseInserter> enterprises_;
  std::optional<store::RecordInserter> records_;
  std::vector<store::ImportError> errors_;
  std::int64_t rejected_ = 0;
};

// Reads on a second thread while this one writes: on two cores, parsing and SQLite's B-tree
// work overlap (about twice the rows per second of doing both in turn).
struct PipelineResult {
  Status status;
  bool refused = false;
};

PipelineResult RunPipeline(soci::session& sql, const ImportRequest& request,
                           sheet::TableReader& reader, ImportReport& report,
                           std::vector<store::ImportError>& errors) {
  BatchQueue queue;
  RowStage rows(request.kind, reader, queue);
  WriteStage writes(sql, request, report);
  Status status = writes.Start();
  std::thread reading([&] {
    if (status.ok()) {
      rows.Run();
    } else {
      queue.Close(Status());
    }
  });
  Batch batch;
  // The reading thread must be joined on every path, a database exception included (it is
  // rethrown for Database::Write to turn into a Status).
  std::exception_ptr thrown;
  try {
    while (status.ok() && queue.Pop(batch)) status = writes.Write(batch);
  } catch (...) {
    thrown = std::current_exception();
    status = Status::Internal("import aborted");
  }
  if (!status.ok()) queue.Cancel();
  while (queue.Pop(batch)) {
  }
  reading.join();
  if (thrown) std::rethrow_exception(thrown);
  if (status.ok()) status = queue.status();
  errors = std::move(rows.errors());
  errors.insert(errors.end(), writes.errors().begin(), writes.errors().end());
  report.run.rejected = rows.rejected() + writes.rejected();
  if (!status.ok()) return {status, false};
  if (request.strict && report.run.rejected > 0) {
    // Roll back everything written so far.
    return {Status::FailedPrecondition("strict import refused: rows were rejected"), true};
  }
  return {writes.Finish(), false};
}

// Writes the run's errors (at most kStoredErrors) and copies the first ones to the report.
Status RecordErrors(soci::session& sql, ImportReport& report,
                    std::vector<store::ImportError>& errors) {
  // Register checks run a chunk at a time, after the cell checks of later rows: restore row
  // order (stable, so a row's errors keep their column order).
  std::stable_sort(
      errors.begin(), errors.end(),
      [](const store::ImportError& a, const store::ImportError& b) { return a.row < b.row; });
  report.errors_total = static_cast<std::int64_t>(errors.size());
  std::size_t stored = std::min(errors.size(), kStoredErrors);
  report.errors.assign(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(
                                                            std::min(stored, kReportedErrors)));
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
        PipelineResult result = RunPipeline(sql, request, reader, report, errors);
        refused = result.refused;
        ZL_RETURN_IF_ERROR(result.status);
        store::UpdateImportRun(sql, run);
        ZL_RETURN_IF_ERROR(RecordErrors(sql, report, errors));
        return on_record ? on_record(sql, run) : Status();
      },
      store::Database::Retry::kNever,  // the reader cannot be rewound
      // Every record is written only after its enterprise was found in the register within
      // this transaction: SQLite need not look it up once more per row.
      request.kind == ImportKind::kRecords ? store::Database::ForeignKeys::kCheckedByWork
                                           : store::Database::ForeignKeys::kEnforced);
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
