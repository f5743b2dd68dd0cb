// Staffing drawn targets: per-region heaps on (load, rank, id).
#include "inspect/staffing.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "inspect/coverage.h"

namespace zl::inspect {

Staffing::Staffing(const DrawKey& key, const std::vector<DrawInspector>& inspectors,
                   const std::vector<Conflict>& conflicts, int team_size)
    : key_(key), team_size_(team_size) {
  const size_t n = inspectors.size();
  id_.resize(n);
  load_.resize(n);
  rank_.resize(n);
  group_of_.resize(n);
  blocked_.assign(n, 0);
  std::unordered_map<int64_t, int32_t> index_of_id;
  for (size_t i = 0; i < n; ++i) {
    const auto idx = static_cast<int32_t>(i);
    id_[i] = inspectors[i].id;
    load_[i] = inspectors[i].initial_load;
    rank_[i] = Rank(idx);
    index_of_id[id_[i]] = idx;
    auto [it, added] =
        group_by_code_.try_emplace(inspectors[i].region_code, static_cast<int32_t>(heaps_.size()));
    if (added) heaps_.emplace_back();
    group_of_[i] = it->second;
  }
  group_size_.resize(heaps_.size());
  for (size_t i = 0; i < n; ++i) Push(group_of_[i], static_cast<int32_t>(i));
  for (size_t g = 0; g < heaps_.size(); ++g) {
    group_size_[g] = static_cast<int32_t>(heaps_[g].size());
  }

  for (const Conflict& c : conflicts) {
    auto it = index_of_id.find(c.inspector_id);
    if (it == index_of_id.end()) continue;
    conflicts_.push_back({KeyedHash(key_, c.uscc), c.uscc, c.inspector_id, it->second});
  }
  std::sort(conflicts_.begin(), conflicts_.end());
  conflicts_.erase(std::unique(conflicts_.begin(), conflicts_.end()), conflicts_.end());
}

uint64_t Staffing::Rank(int32_t inspector) const {
  char buf[48];
  char* p = std::to_chars(buf, buf + 20, id_[inspector]).ptr;
  *p++ = '|';
  p = std::to_chars(p, buf + sizeof buf, load_[inspector]).ptr;
  return KeyedHash(key_, std::string_view(buf, p - buf));
}

bool Staffing::Before(int32_t a, int32_t b) const {
  if (load_[a] != load_[b]) return load_[a] < load_[b];
  if (rank_[a] != rank_[b]) return rank_[a] < rank_[b];
  return id_[a] < id_[b];
}

void Staffing::Push(int32_t group, int32_t inspector) {
  std::vector<int32_t>& heap = heaps_[group];
  heap.push_back(inspector);
  std::push_heap(heap.begin(), heap.end(), [this](int32_t a, int32_t b) { return Before(b, a); });
}

int32_t Staffing::Pop(int32_t group) {
  std::vector<int32_t>& heap = heaps_[group];
  std::pop_heap(heap.begin(), heap.end(), [this](int32_t a, int32_t b) { return Before(b, a); });
  const int32_t top = heap.back();
  heap.pop_back();
  return top;
}

const Staffing::Candidates& Staffing::CandidatesFor(const RegionChars& region) {
  uint32_t code = 0;
  for (char c : region) code = code * 10 + static_cast<uint32_t>(c - '0');
  auto [it, added] = candidates_by_region_.try_emplace(code);
  if (added) {
    it->second.fill(-1);
    int k = 0;
    for (const std::string& covering : CoveringCodes(View(region))) {
      auto g = group_by_code_.find(covering);
      if (!covering.empty() && g != group_by_code_.end()) it->second[k++] = g->second;
    }
  }
  return it->second;
}

void Staffing::Staff(DrawnTarget& target, DrawResult& result) {
  const Candidates& groups = CandidatesFor(target.region);
  const std::string_view uscc = View(target.uscc);
  auto covers = [&](int32_t inspector) {
    return std::find(groups.begin(), groups.end(), group_of_[inspector]) != groups.end();
  };

  while (next_conflict_ < conflicts_.size() &&
         std::pair(conflicts_[next_conflict_].h, conflicts_[next_conflict_].uscc) <
             std::pair(target.h, uscc)) {
    ++next_conflict_;
  }
  const size_t first_conflict = next_conflict_;
  size_t end_conflict = first_conflict;
  while (end_conflict < conflicts_.size() && conflicts_[end_conflict].h == target.h &&
         conflicts_[end_conflict].uscc == uscc) {
    ++end_conflict;
  }
  int excluded = 0;
  for (size_t i = first_conflict; i < end_conflict; ++i) {
    const int32_t inspector = conflicts_[i].inspector;
    if (!covers(inspector)) continue;
    blocked_[inspector] = 1;
    ++excluded;
    result.exclusions.push_back({id_[inspector], std::string(uscc)});
  }

  set_aside_.clear();
  picked_.clear();
  target.team.clear();
  target.team.reserve(team_size_);
  for (int k = 0; k < team_size_; ++k) {
    int32_t best = -1;
    for (int32_t g : groups) {
      if (g < 0) continue;
      std::vector<int32_t>& heap = heaps_[g];
      while (!heap.empty() && blocked_[heap.front()]) set_aside_.emplace_back(g, Pop(g));
      if (!heap.empty() && (best < 0 || Before(heap.front(), heaps_[best].front()))) best = g;
    }
    if (best < 0) break;
    const int32_t inspector = Pop(best);
    picked_.emplace_back(best, inspector);
    target.team.push_back(id_[inspector]);
  }
  for (auto [g, inspector] : set_aside_) Push(g, inspector);
  for (auto [g, inspector] : picked_) {
    ++load_[inspector];
    rank_[inspector] = Rank(inspector);
    Push(g, inspector);
  }
  for (size_t i = first_conflict; i < end_conflict; ++i) blocked_[conflicts_[i].inspector] = 0;

  if (static_cast<int>(target.team.size()) < team_size_) {
    int covering = 0;
    for (int32_t g : groups) covering += g < 0 ? 0 : group_size_[g];
    const int eligible = static_cast<int>(target.team.size());
    result.unstaffed.push_back(
        {std::string(uscc), eligible,
         fmt::format("{} of the {} inspectors needed are available: {} cover region {}, {} of "
                     "them excluded by declared conflicts of interest",
                     eligible, team_size_, covering, View(target.region), excluded)});
  }
}

std::vector<InspectorLoad> Staffing::Loads() const {
  std::vector<InspectorLoad> out(id_.size());
  for (size_t i = 0; i < id_.size(); ++i) out[i] = {id_[i], load_[i]};
  std::sort(out.begin(), out.end(), [](const InspectorLoad& a, const InspectorLoad& b) {
    return a.inspector_id < b.inspector_id;
  });
  return out;
}

}  // namespace zl::inspect
