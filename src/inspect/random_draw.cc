// The random draw: validation, bottom-k selection per class, then staffing in hash order.
#include "inspect/random_draw.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <system_error>

#include "inspect/coverage.h"
#include "inspect/pool_digest.h"
#include "inspect/staffing.h"

namespace zl::inspect {
namespace {

constexpr size_t kParallelDigestPoolSize = 100'000;

struct Item {
  uint64_t h;
  uint32_t index;  // into the pool
};

// Bit 1: may appear in a USCC ([0-9A-Z]); bit 2: a digit. A table, because the pool can hold
// millions of members.
constexpr std::array<uint8_t, 256> kCharKinds = [] {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = 3;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
  return t;
}();

bool IsUsccText(std::string_view u) {
  if (u.size() != 18) return false;
  uint8_t all = 1;
  for (char c : u) all &= kCharKinds[static_cast<unsigned char>(c)];
  return all != 0;
}

bool IsRegionChars(const RegionChars& r) {
  uint8_t all = 2;
  for (char c : r) all &= kCharKinds[static_cast<unsigned char>(c)];
  return all != 0;
}

Status CheckPoolEntry(const PoolEntry& e) {
  if (!IsUsccText(View(e.uscc))) {
    return Status::InvalidArgument("the USCC must be 18 characters of 0-9 and A-Z", "uscc");
  }
  if (!IsRegionChars(e.region)) {
    return Status::InvalidArgument("the region code must be 6 digits", "region_code");
  }
  if (RiskClassIndex(e.risk_class) >= kAllRiskClasses.size()) {
    return Status::InvalidArgument("unknown risk class", "risk_class");
  }
  return Status::Ok();
}

Status CheckInput(const DrawInput& in) {
  ZL_RETURN_IF_ERROR(ValidateDrawSeed(in.seed));
  if (in.team_size < 2) {
    return Status::InvalidArgument(
        fmt::format("an on-site check needs a team of at least 2 inspectors, got {}", in.team_size),
        "team_size");
  }
  ZL_RETURN_IF_ERROR(in.policy.Validate());
  std::vector<int64_t> ids;
  ids.reserve(in.inspectors.size());
  for (size_t i = 0; i < in.inspectors.size(); ++i) {
    const DrawInspector& x = in.inspectors[i];
    const std::string where = fmt::format("inspectors[{}] (id {}): ", i, x.id);
    if (!IsRegionCode(x.region_code)) {
      return Status::InvalidArgument(
          where + fmt::format("region code '{}' is not 6 digits", x.region_code), "region_code");
    }
    if (x.initial_load < 0) {
      return Status::InvalidArgument(where + "initial_load is negative", "initial_load");
    }
    ids.push_back(x.id);
  }
  std::sort(ids.begin(), ids.end());
  auto twice = std::adjacent_find(ids.begin(), ids.end());
  if (twice != ids.end()) {
    return Status::InvalidArgument(fmt::format("inspector {} is listed twice", *twice),
                                   "inspectors");
  }
  for (size_t i = 0; i < in.pool.size(); ++i) {
    Status s = CheckPoolEntry(in.pool[i]);
    if (!s.ok()) return s.WithContext(fmt::format("pool[{}]: ", i));
  }
  return Status::Ok();
}

}  // namespace

Result<PoolEntry> PoolEntry::Make(std::string_view uscc, std::string_view region, RiskClass c) {
  PoolEntry e;
  if (uscc.size() == e.uscc.size()) std::copy(uscc.begin(), uscc.end(), e.uscc.begin());
  if (region.size() == e.region.size()) std::copy(region.begin(), region.end(), e.region.begin());
  e.risk_class = c;
  if (!IsUsccText(uscc)) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a USCC: 18 characters of 0-9 and A-Z expected", uscc), "uscc");
  }
  if (!IsRegionCode(region)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a 6-digit region code", region),
                                   "region_code");
  }
  ZL_RETURN_IF_ERROR(CheckPoolEntry(e));
  return e;
}

Result<DrawResult> RunDraw(const DrawInput& in) {
  ZL_RETURN_IF_ERROR(CheckInput(in));
  // The digest (which also refuses repeated USCCs) needs nothing from the draw: on a large
  // pool it runs on a second thread while the draw runs on this one.
  std::future<Result<std::string>> digest;
  if (in.pool.size() >= kParallelDigestPoolSize) {
    try {
      digest = std::async(std::launch::async, [&in] { return PoolDigest(in.pool); });
    } catch (const std::system_error&) {  // no thread to be had: compute it below instead
    }
  }
  DrawResult result;
  const DrawKey key = DeriveDrawKey(in.seed);
  const std::vector<PoolEntry>& pool = in.pool;

  std::array<std::vector<Item>, 4> by_class;
  {
    std::array<size_t, 4> sizes{};
    for (const PoolEntry& e : pool) ++sizes[RiskClassIndex(e.risk_class)];
    for (size_t c = 0; c < 4; ++c) by_class[c].reserve(sizes[c]);
  }
  for (size_t i = 0; i < pool.size(); ++i) {
    by_class[RiskClassIndex(pool[i].risk_class)].push_back(
        {KeyedHash(key, View(pool[i].uscc)), static_cast<uint32_t>(i)});
  }
  auto before = [&pool](const Item& a, const Item& b) {
    return a.h != b.h ? a.h < b.h : pool[a.index].uscc < pool[b.index].uscc;
  };

  std::vector<Item> drawn;
  for (RiskClass c : kAllRiskClasses) {
    std::vector<Item>& items = by_class[RiskClassIndex(c)];
    const auto n =
        static_cast<size_t>(DrawCount(in.policy.of(c).ratio, static_cast<int64_t>(items.size())));
    result.per_class[RiskClassIndex(c)] = {static_cast<int64_t>(items.size()),
                                           static_cast<int64_t>(n)};
    if (n < items.size()) std::nth_element(items.begin(), items.begin() + n, items.end(), before);
    drawn.insert(drawn.end(), items.begin(), items.begin() + n);
  }
  std::sort(drawn.begin(), drawn.end(), before);

  Staffing staffing(key, in.inspectors, in.conflicts, in.team_size);
  result.targets.resize(drawn.size());
  for (size_t i = 0; i < drawn.size(); ++i) {
    if (i + 16 < drawn.size()) __builtin_prefetch(&pool[drawn[i + 16].index]);
    const PoolEntry& e = pool[drawn[i].index];
    DrawnTarget& t = result.targets[i];
    t.uscc = e.uscc;
    t.region = e.region;
    t.risk_class = e.risk_class;
    t.h = drawn[i].h;
    staffing.Staff(t, result);
  }
  result.loads = staffing.Loads();
  ZL_ASSIGN_OR_RETURN(result.pool_digest, digest.valid() ? digest.get() : PoolDigest(in.pool));
  return result;
}

DrawnTarget* FindTarget(DrawResult& result, const DrawKey& key, std::string_view uscc) {
  if (uscc.size() != 18) return nullptr;
  const uint64_t h = KeyedHash(key, uscc);
  auto it =
      std::lower_bound(result.targets.begin(), result.targets.end(), std::pair(h, uscc),
                       [](const DrawnTarget& t, const std::pair<uint64_t, std::string_view>& k) {
                         return t.h != k.first ? t.h < k.first : View(t.uscc) < k.second;
                       });
  if (it == result.targets.end() || it->h != h || View(it->uscc) != uscc) return nullptr;
  return &*it;
}

const DrawnTarget* FindTarget(const DrawResult& result, const DrawKey& key, std::string_view uscc) {
  return FindTarget(const_cast<DrawResult&>(result), key, uscc);
}

}  // namespace zl::inspect
