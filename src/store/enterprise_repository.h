// EnterpriseRepository: reads and writes the enterprise register.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/enterprise.h"

namespace soci {
class session;
}

namespace zl::store {

class Database;

struct EnterpriseFilter {
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
// (its audit entry). Call inside Database::Read/Write.
Result<std::optional<domain::Enterprise>> FindEnterprise(soci::session& sql,
                                                         const std::string& uscc);
void UpdateEnterprise(soci::session& sql, const domain::Enterprise& enterprise);

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

  // Deletes every enterprise (demo --reset). One transaction.
  Status DeleteAll();

  // NotFound when no enterprise has this USCC.
  Result<domain::Enterprise> FindByUscc(const std::string& uscc);

  // One page, ordered by name then USCC. page/per_page out of range -> InvalidArgument.
  Result<PageOf<domain::Enterprise>> List(const EnterpriseFilter& filter, PageRequest page);

  Result<std::int64_t> Count();

  enum class Dimension { kRegion, kIndustry, kSize };
  // Counts per value of `dimension`, largest first.
  Result<std::vector<Tally>> CountBy(Dimension dimension);

 private:
  Database& db_;
};

}  // namespace zl::store
