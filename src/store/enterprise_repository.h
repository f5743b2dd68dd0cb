// EnterpriseRepository: reads and writes the enterprise register.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/enterprise.h"

namespace soci {
class session;
}

namespace zl::store {

class Database;

struct EnterpriseFilter {
  std::string uscc{};           // exactly this enterprise; empty = all
  std::string region_code{};    // supervision unit; empty = all
  std::string industry_code{};  // empty = all
  std::string size{};           // "large" | "medium" | "small" | "micro"; empty = all
  std::string name_contains{};  // substring of the name (any length, Chinese included)
};

struct PageRequest {
  int page = 1;       // 1-based
  int per_page = 20;  // at most kMaxPerPage
  static constexpr int kMaxPerPage = 200;
};

template <typename T>
struct PageOf {
  std::int64_t total = 0;
  bool total_is_lower_bound = false;  // a name search found more than it counted
  int page = 1;
  int per_page = 20;
  std::vector<T> items;
};

// A count per value of one column ("130100" -> 2513).
struct Tally {
  std::string key;
  std::int64_t count = 0;
};

// Session-level access for units of work that combine an enterprise change with other writes
// (its audit entry, an import). Call inside Database::Read/Write.
Result<std::optional<domain::Enterprise>> FindEnterprise(soci::session& sql,
                                                         const std::string& uscc);
// Looks enterprises up by USCC many at a time, for bulk work that checks every row of a file
// against the register: one prepared statement with kBatch placeholders, reused for every
// call (preparing a statement with hundreds of parameters costs more than running it).
class EnterpriseLookup {
 public:
  static constexpr std::size_t kBatch = 500;
  explicit EnterpriseLookup(soci::session& sql);
  ~EnterpriseLookup();
  // The enterprises among `usccs` that are in the register (any order; missing ones left out).
  Result<std::vector<domain::Enterprise>> Find(std::span<const std::string_view> usccs);

 private:
  struct Statement;
  soci::session& sql_;
  std::unique_ptr<Statement> statement_;  // prepared on first use
};
// Replaces `before` (as read) by `after` (same USCC), keeping the name index in step.
void UpdateEnterprise(soci::session& sql, const domain::Enterprise& before,
                      const domain::Enterprise& after);

// Adds new enterprises within the caller's transaction through the bulk path, with their
// name index entries. A USCC already present fails Finish with AlreadyExists.
class EnterpriseInserter {
 public:
  static Result<std::unique_ptr<EnterpriseInserter>> Create(soci::session& sql);
  virtual ~EnterpriseInserter() = default;
  virtual Status Add(const domain::Enterprise& e) = 0;
  virtual Status Finish() = 0;
};

class EnterpriseRepository {
 public:
  explicit EnterpriseRepository(Database& db) : db_(db) {}

  // Inserts all rows in one transaction; on any failure (e.g. a USCC already present,
  // AlreadyExists) none are written.
  Status InsertMany(std::span<const domain::Enterprise> rows);

  // Inserts the rows that `next` yields until it returns nullopt, in one transaction through
  // one prepared statement: the bulk path (demo data, imports). All or nothing.
  using Source = std::function<std::optional<domain::Enterprise>()>;
  Status InsertAll(const Source& next);

  // Deletes every enterprise with its credit records and the import history (demo --reset).
  // One transaction.
  Status DeleteAll();

  // NotFound when no enterprise has this USCC.
  Result<domain::Enterprise> FindByUscc(const std::string& uscc);

  // One page. Without a name query: ordered by name then USCC. With one (see
  // enterprise_search.h): best matches first. page/per_page out of range -> InvalidArgument.
  Result<PageOf<domain::Enterprise>> List(const EnterpriseFilter& filter, PageRequest page);

  // The first `max_rows` of what List would page through, in the same order (exports).
  Result<PageOf<domain::Enterprise>> ListFirst(const EnterpriseFilter& filter, int max_rows);

  Result<std::int64_t> Count();

  enum class Dimension { kRegion, kIndustry, kSize };
  // Counts per value of `dimension`, largest first.
  Result<std::vector<Tally>> CountBy(Dimension dimension);

 private:
  Result<PageOf<domain::Enterprise>> Page(const EnterpriseFilter& filter, PageRequest page);

  Database& db_;
};

}  // namespace zl::store
