// Inspection tasks and their stored draws (see inspection_service.h).
#include "inspect/inspection_service.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "credit/record_service.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "inspect/coverage.h"
#include "inspect/recusal.h"
#include "store/enterprise_repository.h"
#include "store/row_scan.h"

namespace zl::inspect {

namespace {

constexpr std::string_view kProvince = "130000";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// An industry prefix a registry code starts with ("C", "C3", "C31"), or "*".
Result<std::string> IndustryPrefix(const std::string& raw, const char* field) {
  std::string p = Upper(TrimSpace(raw));
  if (p == "*") return p;
  bool ok = !p.empty() && p.size() <= 3;
  for (char c : p) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  if (ok) {
    ok = false;
    for (const domain::Industry& i : domain::IndustryRegistry::Default().all()) {
      ok = ok || std::string_view(i.code).starts_with(p);
    }
  }
  if (!ok) {
    return Status::InvalidArgument(
        "'" + raw + "' is not '*' or the start of a listed GB/T 4754 industry code such as C31",
        field);
  }
  return p;
}

Result<std::vector<std::string>> IndustryPrefixes(const std::vector<std::string>& raw,
                                                  const char* field) {
  std::vector<std::string> out;
  for (const std::string& r : raw) {
    ZL_ASSIGN_OR_RETURN(std::string p, IndustryPrefix(r, field));
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  if (out.empty()) return Status::InvalidArgument("name at least one industry or '*'", field);
  if (std::find(out.begin(), out.end(), "*") != out.end()) return std::vector<std::string>{"*"};
  return out;
}

// A Hebei region code within `scope` ("" = anywhere).
Result<std::string> RegionWithin(const std::string& raw, const std::string& scope,
                                 const char* field) {
  Result<const domain::Region*> region = domain::RegionRegistry::Hebei().Lookup(raw);
  if (!region.ok()) return Status::InvalidArgument(region.status().message(), field);
  const std::string& code = (*region)->code;
  if (!scope.empty() && !InspectorCovers(scope, code)) {
    return Status::InvalidArgument(code + " is outside your region " + scope, field);
  }
  return code;
}

Result<store::TaskRow> RequireTask(soci::session& sql, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::TaskRow> task, store::FindTask(sql, id));
  if (!task) return Status::NotFound("no inspection task " + std::to_string(id));
  return std::move(*task);
}

// Whether inspector region `a` and task region `b` share ground.
bool Overlaps(std::string_view a, std::string_view b) {
  return InspectorCovers(a, b) || InspectorCovers(b, a);
}

std::optional<RiskClass> ClassOf(std::string_view text) {
  Result<RiskClass> c = ParseRiskClass(text);
  if (!c.ok()) return std::nullopt;
  return *c;
}

std::string PerClassText(const std::array<ClassCount, 4>& counts) {
  std::string out;
  for (RiskClass c : kAllRiskClasses) {
    const ClassCount& n = counts[RiskClassIndex(c)];
    out += (out.empty() ? "" : " ") + std::string(RiskClassName(c)) + "=" + std::to_string(n.pool) +
           "/" + std::to_string(n.drawn);
  }
  return out;
}

std::array<ClassCount, 4> ParsePerClass(const std::string& text) {
  std::array<ClassCount, 4> out{};
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(at, end - at);
    at = end + 1;
    size_t eq = item.find('='), slash = item.find('/');
    if (eq != 1 || slash == std::string::npos) continue;
    std::optional<RiskClass> c = ClassOf(item.substr(0, 1));
    if (!c) continue;
    out[RiskClassIndex(*c)] = {std::stoll(item.substr(2, slash - 2)),
                               std::stoll(item.substr(slash + 1))};
  }
  return out;
}

std::int64_t CountLines(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

// Calls on_line(fields) for each "\t"-separated line of text.
template <typename F>
Status ForEachLine(std::string_view text, size_t want, const char* what, F&& on_line) {
  std::array<std::string_view, 4> fields;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty()) continue;
    size_t n = 0;
    while (n < want) {
      size_t tab = line.find('\t');
      fields[n++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (n != want) {
      return Status::Internal(std::string("the stored draw's ") + what + " line " +
                              std::to_string(line_no) + " is malformed");
    }
    ZL_RETURN_IF_ERROR(on_line(fields));
  }
  return Status();
}

std::int64_t ToInt(std::string_view s) {
  std::int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return s.starts_with('-') ? -ToInt(s.substr(1)) : v;
}

// The DrawInput a stored draw was run with.
Result<DrawInput> RebuildInput(const store::DrawRow& draw) {
  DrawInput in;
  in.seed = draw.seed;
  in.team_size = static_cast<int>(draw.team_size);
  ZL_ASSIGN_OR_RETURN(in.policy, SamplingPolicy::FromText(draw.policy, "stored policy"));
  in.pool.reserve(draw.pool_size);
  ZL_RETURN_IF_ERROR(ForEachLine(draw.pool, 3, "pool", [&](const auto& f) -> Status {
    std::optional<RiskClass> c = ClassOf(f[2]);
    if (!c) return Status::Internal("the stored pool has a bad class for " + std::string(f[0]));
    ZL_ASSIGN_OR_RETURN(PoolEntry e, PoolEntry::Make(f[0], f[1], *c));
    in.pool.push_back(e);
    return Status();
  }));
  ZL_RETURN_IF_ERROR(ForEachLine(draw.inspectors, 3, "inspectors", [&](const auto& f) {
    in.inspectors.push_back({ToInt(f[0]), std::string(f[1]), ToInt(f[2])});
    return Status();
  }));
  ZL_RETURN_IF_ERROR(ForEachLine(draw.conflicts, 2, "conflicts", [&](const auto& f) {
    in.conflicts.push_back({ToInt(f[0]), std::string(f[1])});
    return Status();
  }));
  return in;
}

// Runs the stored draw again and replays its stored recusals; `mismatch` (if given) collects
// recusals whose replacement differs from the stored one.
Result<DrawResult> Rerun(soci::session& sql, const DrawInput& input, std::int64_t task_id,
                         std::vector<std::string>* mismatch, std::int64_t* replayed) {
  ZL_ASSIGN_OR_RETURN(DrawResult result, RunDraw(input));
  ZL_ASSIGN_OR_RETURN(std::vector<store::RecusalRow> recusals, store::ListRecusals(sql, task_id));
  for (const store::RecusalRow& r : recusals) {
    Result<RecusalRecord> done = ApplyRecusal(input, {r.uscc, r.recused_id, r.sequence}, &result);
    if (!done.ok() || done->replacement_id != r.replacement_id) {
      std::string what = "recusal " + std::to_string(r.sequence) + " (" + r.uscc +
                         ") does not replay: " +
                         (done.ok() ? "replacement " + std::to_string(done->replacement_id) +
                                          " instead of " + std::to_string(r.replacement_id)
                                    : done.status().message());
      if (!mismatch) return Status::Internal(what);
      mismatch->push_back(what);
    }
    if (replayed) ++*replayed;
  }
  return result;
}

DrawSummary SummaryOf(const store::DrawRow& d) {
  DrawSummary s;
  s.task_id = d.task_id;
  s.seed = d.seed;
  s.algorithm = d.algorithm;
  s.pool_digest = d.pool_digest;
  s.drawn_by = d.drawn_by;
  s.drawn_at = d.drawn_at;
  s.team_size = d.team_size;
  s.pool_size = d.pool_size;
  s.ungraded = d.ungraded;
  s.per_class = ParsePerClass(d.per_class);
  s.unstaffed = CountLines(d.unstaffed);
  s.exclusions = CountLines(d.exclusions);
  s.inspectors = CountLines(d.inspectors);
  for (const ClassCount& c : s.per_class) s.targets += c.drawn;
  return s;
}

}  // namespace

bool Qualified(const std::string& qualifications, const std::vector<std::string>& industries) {
  for (const std::string& q : SplitList(qualifications)) {
    if (q == "*") return true;
    for (const std::string& t : industries) {
      if (t == "*" || t.starts_with(q) || q.starts_with(t)) return true;
    }
  }
  return false;
}

Result<store::InspectorRow> AddInspector(soci::session& sql, const InspectorInput& in,
                                         const std::string& scope, const std::string& now) {
  store::InspectorRow row;
  row.name = TrimSpace(in.name);
  if (row.name.empty()) return Status::InvalidArgument("is required", "name");
  if (CountCodePoints(row.name) > 50) {
    return Status::InvalidArgument("is longer than 50 characters", "name");
  }
  ZL_ASSIGN_OR_RETURN(row.region_code, RegionWithin(in.region_code, scope, "region_code"));
  ZL_ASSIGN_OR_RETURN(std::vector<std::string> q,
                      IndustryPrefixes(in.qualifications, "qualifications"));
  row.qualifications = JoinList(q);
  row.created_at = now;
  ZL_ASSIGN_OR_RETURN(row.id, store::InsertInspector(sql, row));
  return row;
}

Result<store::ConflictRow> DeclareConflict(soci::session& sql, std::int64_t inspector_id,
                                           const std::string& uscc, const std::string& reason,
                                           const std::string& actor, const std::string& now) {
  store::ConflictRow row{inspector_id, uscc, TrimSpace(reason), actor, now};
  if (row.reason.empty()) return Status::InvalidArgument("is required", "reason");
  if (CountCodePoints(row.reason) > 200) {
    return Status::InvalidArgument("is longer than 200 characters", "reason");
  }
  ZL_ASSIGN_OR_RETURN(std::optional<store::InspectorRow> inspector,
                      store::FindInspector(sql, inspector_id));
  if (!inspector) return Status::NotFound("no inspector " + std::to_string(inspector_id));
  ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, uscc));
  if (!e) return Status::NotFound("no enterprise with USCC " + uscc);
  ZL_RETURN_IF_ERROR(store::InsertConflict(sql, row));
  return row;
}

Result<SamplingPolicy> CurrentPolicy(soci::session& sql) {
  ZL_ASSIGN_OR_RETURN(std::vector<store::PolicyRow> rows, store::ReadPolicyRows(sql));
  if (rows.empty()) return SamplingPolicy::Default();
  SamplingPolicy p = SamplingPolicy::Default();
  for (const store::PolicyRow& r : rows) {
    std::optional<RiskClass> c = ClassOf(r.risk_class);
    if (!c) return Status::Internal("sampling_policy has a row for class " + r.risk_class);
    p.of(*c) = {r.ratio, r.ratio_min, r.ratio_max, r.checks_per_year};
  }
  return p;
}

Status SavePolicy(soci::session& sql, const SamplingPolicy& policy, const std::string& actor,
                  const std::string& now) {
  ZL_RETURN_IF_ERROR(policy.Validate());
  std::vector<store::PolicyRow> rows;
  for (RiskClass c : kAllRiskClasses) {
    const ClassPolicy& p = policy.of(c);
    rows.push_back({std::string(RiskClassName(c)), p.ratio, p.ratio_min, p.ratio_max,
                    p.checks_per_year, actor, now});
  }
  return store::ReplacePolicyRows(sql, rows);
}

Result<store::TaskRow> CreateTask(soci::session& sql, const TaskInput& in, const std::string& scope,
                                  const std::string& actor, const std::string& now) {
  store::TaskRow row;
  row.name = TrimSpace(in.name);
  if (row.name.empty()) return Status::InvalidArgument("is required", "name");
  if (CountCodePoints(row.name) > 100) {
    return Status::InvalidArgument("is longer than 100 characters", "name");
  }
  ZL_ASSIGN_OR_RETURN(std::vector<std::string> industries,
                      IndustryPrefixes(in.industries, "industries"));
  std::vector<std::string> regions;
  for (const std::string& r : in.regions) {
    ZL_ASSIGN_OR_RETURN(std::string code, RegionWithin(r, scope, "regions"));
    if (std::find(regions.begin(), regions.end(), code) == regions.end()) regions.push_back(code);
  }
  if (regions.empty()) return Status::InvalidArgument("name at least one region", "regions");
  Result<Date> from = Date::Parse(in.period_from);
  if (!from.ok()) return Status::InvalidArgument("must be a date YYYY-MM-DD", "period_from");
  Result<Date> until = Date::Parse(in.period_until);
  if (!until.ok()) return Status::InvalidArgument("must be a date YYYY-MM-DD", "period_until");
  if (*until < *from) {
    return Status::InvalidArgument("must not be before period_from", "period_until");
  }
  if (in.team_size < 2 || in.team_size > 10) {
    return Status::InvalidArgument("must be 2 to 10 (on-site checks need two inspectors)",
                                   "team_size");
  }
  row.industries = JoinList(industries);
  row.regions = JoinList(regions);
  row.period_from = from->ToString();
  row.period_until = until->ToString();
  row.team_size = in.team_size;
  row.status = "planned";
  row.created_by = actor;
  row.region_code = scope.empty() ? std::string(kProvince) : scope;
  row.created_at = now;
  ZL_ASSIGN_OR_RETURN(row.id, store::InsertTask(sql, row));
  return row;
}

Result<DrawSummary> DrawTask(soci::session& sql, std::int64_t task_id,
                             const std::optional<std::string>& seed_in, const std::string& actor,
                             const std::string& now, DrawTimings* timings) {
  DrawTimings local;
  DrawTimings& t = timings ? *timings : local;
  ZL_ASSIGN_OR_RETURN(store::TaskRow task, RequireTask(sql, task_id));
  if (task.status != "planned") {
    return Status::FailedPrecondition("task " + std::to_string(task_id) + " is already drawn");
  }
  DrawInput in;
  in.seed = seed_in ? *seed_in : NewDrawSeed();
  ZL_RETURN_IF_ERROR(ValidateDrawSeed(in.seed));
  in.team_size = static_cast<int>(task.team_size);
  ZL_ASSIGN_OR_RETURN(in.policy, CurrentPolicy(sql));
  const std::vector<std::string> industries = SplitList(task.industries);
  const std::vector<std::string> regions = SplitList(task.regions);

  // The pool: the task's industries in SQL (prefixes are validated [A-Z0-9]), regions here.
  // Two sequential scans merged by USCC rather than a join: on SQLite a join looks every
  // enterprise up in credit_grade (2,000,000 B-tree seeks, ~15 s on the big archive) while
  // both scans together take about a second.
  auto start = std::chrono::steady_clock::now();
  std::string query = "SELECT uscc, region_code FROM enterprise";
  if (industries.empty() || industries.front() != "*") {
    for (size_t i = 0; i < industries.size(); ++i) {
      query +=
          (i ? " OR " : " WHERE (") + std::string("industry_code LIKE '") + industries[i] + "%'";
    }
    query += ")";
  }
  std::unordered_map<std::string, bool> region_in;
  ZL_RETURN_IF_ERROR(store::ScanRows(sql, query, [&](const store::ScanRow& row) -> Status {
    std::string_view region = row.Text(1);
    auto it = region_in.find(std::string(region));
    if (it == region_in.end()) {
      bool in_task = false;
      for (const std::string& r : regions) in_task = in_task || InspectorCovers(r, region);
      it = region_in.emplace(std::string(region), in_task).first;
    }
    if (!it->second) return Status();
    ZL_ASSIGN_OR_RETURN(PoolEntry e, PoolEntry::Make(row.Text(0), region, RiskClass::kB));
    in.pool.push_back(e);
    return Status();
  }));
  std::sort(in.pool.begin(), in.pool.end(),
            [](const PoolEntry& a, const PoolEntry& b) { return a.uscc < b.uscc; });
  // Classes from credit_grade: a cursor when the rows come in USCC order (SQLite's clustered
  // table), a binary search when they do not.
  std::vector<uint8_t> graded(in.pool.size(), 0);
  size_t cursor = 0;
  std::string last;
  auto before = [](const PoolEntry& e, std::string_view u) { return View(e.uscc) < u; };
  ZL_RETURN_IF_ERROR(store::ScanRows(
      sql, "SELECT uscc, risk_class FROM credit_grade", [&](const store::ScanRow& row) -> Status {
        std::string_view u = row.Text(0);
        if (u >= last) {
          while (cursor < in.pool.size() && View(in.pool[cursor].uscc) < u) ++cursor;
        } else {
          cursor = std::lower_bound(in.pool.begin(), in.pool.end(), u, before) - in.pool.begin();
        }
        last.assign(u);
        if (cursor == in.pool.size() || View(in.pool[cursor].uscc) != u) return Status();
        std::optional<RiskClass> c = ClassOf(row.Text(1));
        if (!c)
          return Status::Internal("credit_grade has risk class '" + std::string(row.Text(1)) +
                                  "' for " + last);
        in.pool[cursor].risk_class = *c;
        graded[cursor] = 1;
        return Status();
      }));
  const std::int64_t ungraded =
      static_cast<std::int64_t>(std::count(graded.begin(), graded.end(), 0));
  t.pool_read = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  ZL_ASSIGN_OR_RETURN(auto loads, store::OpenLoads(sql));
  ZL_ASSIGN_OR_RETURN(std::vector<store::InspectorRow> inspectors, store::ListInspectors(sql));
  std::unordered_set<std::int64_t> chosen;
  for (const store::InspectorRow& r : inspectors) {
    if (!r.active || !Qualified(r.qualifications, industries)) continue;
    bool overlaps = false;
    for (const std::string& region : regions)
      overlaps = overlaps || Overlaps(r.region_code, region);
    if (!overlaps) continue;
    auto load = loads.find(r.id);
    in.inspectors.push_back({r.id, r.region_code, load == loads.end() ? 0 : load->second});
    chosen.insert(r.id);
  }
  ZL_ASSIGN_OR_RETURN(std::vector<store::ConflictRow> conflicts, store::ListConflicts(sql));
  for (const store::ConflictRow& c : conflicts) {
    if (chosen.count(c.inspector_id)) in.conflicts.push_back({c.inspector_id, c.uscc});
  }
  t.inspectors_read = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  ZL_ASSIGN_OR_RETURN(DrawResult result, RunDraw(in));
  t.run = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  store::DrawRow d;
  d.task_id = task_id;
  d.seed = in.seed;
  d.algorithm = result.algorithm;
  d.policy = in.policy.ToText();
  d.team_size = in.team_size;
  d.pool_size = static_cast<std::int64_t>(in.pool.size());
  d.pool_digest = result.pool_digest;
  d.per_class = PerClassText(result.per_class);
  d.ungraded = ungraded;
  d.pool.reserve(in.pool.size() * 28);
  for (const PoolEntry& e : in.pool) {
    d.pool.append(View(e.uscc)).append("\t").append(View(e.region)).append("\t");
    d.pool.append(RiskClassName(e.risk_class)).append("\n");
  }
  for (const DrawInspector& i : in.inspectors) {
    d.inspectors +=
        std::to_string(i.id) + "\t" + i.region_code + "\t" + std::to_string(i.initial_load) + "\n";
  }
  for (const Conflict& c : in.conflicts) {
    d.conflicts += std::to_string(c.inspector_id) + "\t" + c.uscc + "\n";
  }
  for (const Exclusion& e : result.exclusions) {
    d.exclusions += std::to_string(e.inspector_id) + "\t" + e.uscc + "\n";
  }
  for (const UnstaffedTarget& u : result.unstaffed) {
    d.unstaffed += u.uscc + "\t" + std::to_string(u.eligible) + "\t" + u.reason + "\n";
  }
  d.drawn_by = actor;
  d.drawn_at = now;
  ZL_RETURN_IF_ERROR(store::InsertDraw(sql, d));
  const auto targets_start = std::chrono::steady_clock::now();
  std::vector<store::TargetRow> targets;
  targets.reserve(result.targets.size());
  for (const DrawnTarget& target : result.targets) {
    targets.push_back({task_id, std::string(View(target.uscc)), std::string(View(target.region)),
                       std::string(RiskClassName(target.risk_class)), HashHex(target.h),
                       store::JoinIds(target.team), "", "", 0});
  }
  ZL_RETURN_IF_ERROR(store::WriteTargets(sql, targets));
  t.write_targets = SecondsSince(targets_start);
  ZL_RETURN_IF_ERROR(store::SetTaskStatus(sql, task_id, "drawn", ""));
  t.write = SecondsSince(start);

  return SummaryOf(d);
}

Result<std::optional<DrawSummary>> FindDrawSummary(soci::session& sql, std::int64_t task_id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::DrawRow> d, store::FindDraw(sql, task_id, false));
  if (!d) return std::optional<DrawSummary>();
  DrawSummary s = SummaryOf(*d);
  ZL_ASSIGN_OR_RETURN(std::vector<store::RecusalRow> r, store::ListRecusals(sql, task_id));
  s.recusals = static_cast<std::int64_t>(r.size());
  return std::optional<DrawSummary>(std::move(s));
}

Result<Verification> VerifyDraw(soci::session& sql, std::int64_t task_id) {
  ZL_RETURN_IF_ERROR(RequireTask(sql, task_id).status());
  ZL_ASSIGN_OR_RETURN(std::optional<store::DrawRow> draw, store::FindDraw(sql, task_id, true));
  if (!draw) return Status::NotFound("task " + std::to_string(task_id) + " has not been drawn");
  Verification v;
  ZL_ASSIGN_OR_RETURN(DrawInput in, RebuildInput(*draw));
  auto note = [&](std::string what) {
    if (v.differences.size() < 20) v.differences.push_back(std::move(what));
  };
  std::vector<std::string> mismatches;
  ZL_ASSIGN_OR_RETURN(DrawResult result, Rerun(sql, in, task_id, &mismatches, &v.recusals));
  for (std::string& m : mismatches) note(std::move(m));
  v.digest_matches = result.pool_digest == draw->pool_digest;
  if (!v.digest_matches) note("the stored pool's digest is " + result.pool_digest);
  if (PerClassText(result.per_class) != draw->per_class) {
    note("per class: " + PerClassText(result.per_class) + " instead of " + draw->per_class);
  }
  ZL_ASSIGN_OR_RETURN(std::vector<store::TargetRow> stored,
                      store::ListTargets(sql, task_id, 0, -1));
  std::unordered_map<std::string, const store::TargetRow*> by_uscc;
  for (const store::TargetRow& t : stored) by_uscc[t.uscc] = &t;
  if (stored.size() != result.targets.size()) {
    note(std::to_string(stored.size()) + " targets stored, " +
         std::to_string(result.targets.size()) + " drawn again");
  }
  for (const DrawnTarget& t : result.targets) {
    ++v.targets;
    const std::string uscc(View(t.uscc));
    auto it = by_uscc.find(uscc);
    if (it == by_uscc.end()) {
      note(uscc + " is drawn again but not stored");
      continue;
    }
    const store::TargetRow& s = *it->second;
    if (s.risk_class != RiskClassName(t.risk_class) || s.hash != HashHex(t.h) ||
        s.region_code != View(t.region)) {
      note(uscc + ": class, region or hash differs");
    }
    if (s.team != store::JoinIds(t.team)) {
      note(uscc + ": team " + s.team + " stored, " + store::JoinIds(t.team) + " drawn again");
    }
  }
  v.reproduced = v.differences.empty();
  return v;
}

Result<RecusalRecord> Recuse(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                             std::int64_t inspector_id, const std::string& reason_in,
                             const std::string& actor, const std::string& now) {
  const std::string reason = TrimSpace(reason_in);
  if (reason.empty()) return Status::InvalidArgument("is required", "reason");
  if (CountCodePoints(reason) > 200) {
    return Status::InvalidArgument("is longer than 200 characters", "reason");
  }
  ZL_RETURN_IF_ERROR(RequireTask(sql, task_id).status());
  ZL_ASSIGN_OR_RETURN(std::optional<store::DrawRow> draw, store::FindDraw(sql, task_id, true));
  if (!draw) return Status::NotFound("task " + std::to_string(task_id) + " has not been drawn");
  ZL_ASSIGN_OR_RETURN(std::optional<store::TargetRow> target,
                      store::FindTargetRow(sql, task_id, uscc));
  if (!target)
    return Status::NotFound(uscc + " is not a target of task " + std::to_string(task_id));
  if (!target->result.empty()) {
    return Status::FailedPrecondition("the inspection of " + uscc + " is already recorded");
  }
  ZL_ASSIGN_OR_RETURN(DrawInput in, RebuildInput(*draw));
  std::int64_t replayed = 0;
  ZL_ASSIGN_OR_RETURN(DrawResult result, Rerun(sql, in, task_id, nullptr, &replayed));
  ZL_ASSIGN_OR_RETURN(RecusalRecord done,
                      ApplyRecusal(in, {uscc, inspector_id, replayed + 1}, &result));
  const DrawnTarget* after = FindTarget(result, DeriveDrawKey(in.seed), uscc);
  if (!after) return Status::Internal("the recused target is missing from the re-run draw");
  ZL_RETURN_IF_ERROR(store::SetTargetTeam(sql, task_id, uscc, store::JoinIds(after->team)));
  ZL_RETURN_IF_ERROR(store::InsertRecusal(sql, {task_id, uscc, done.sequence, done.recused_id,
                                                done.replacement_id, reason, actor, now}));
  return done;
}

Result<store::TargetRow> RecordResult(soci::session& sql, std::int64_t task_id,
                                      const ResultInput& in, const std::string& actor, Date today) {
  const bool pass = in.result == "pass";
  if (!pass && in.result != "fail") {
    return Status::InvalidArgument("must be pass or fail", "result");
  }
  std::string severity = TrimSpace(in.severity);
  if (pass && !severity.empty()) {
    return Status::InvalidArgument("is only given for a failed inspection", "severity");
  }
  if (!pass && severity.empty()) severity = "general";
  if (!pass && severity != "minor" && severity != "general" && severity != "serious") {
    return Status::InvalidArgument("must be minor, general or serious", "severity");
  }
  const std::string note = TrimSpace(in.note);
  if (CountCodePoints(note) > 400) {
    return Status::InvalidArgument("is longer than 400 characters", "note");
  }
  ZL_ASSIGN_OR_RETURN(store::TaskRow task, RequireTask(sql, task_id));
  if (task.status == "planned") {
    return Status::FailedPrecondition("task " + std::to_string(task_id) + " is not drawn yet");
  }
  ZL_ASSIGN_OR_RETURN(std::optional<store::TargetRow> target,
                      store::FindTargetRow(sql, task_id, in.uscc));
  if (!target) {
    return Status::NotFound(in.uscc + " is not a target of task " + std::to_string(task_id));
  }
  if (!target->result.empty()) {
    return Status::FailedPrecondition("the result for " + in.uscc + " is already recorded");
  }
  const domain::Region* region = domain::RegionRegistry::Hebei().Find(task.region_code);
  credit::RecordInput record;
  record.kind = pass ? "inspection_pass" : "inspection_fail";
  record.occurred_on = today.ToString();
  record.title = "双随机抽查：" + task.name + (pass ? "（合格）" : "（不合格）");
  record.source_department =
      (region && task.region_code != kProvince ? region->name_zh : std::string("河北省")) +
      "市场监督管理局";
  record.document_no = "抽查任务" + std::to_string(task_id);
  record.polarity = pass ? "good" : "bad";
  record.severity = pass ? "" : severity;
  record.published_from = today.ToString();
  ZL_ASSIGN_OR_RETURN(store::StoredRecord stored,
                      credit::AddRecord(sql, in.uscc, record, actor, today));
  ZL_RETURN_IF_ERROR(
      store::SetTargetResult(sql, task_id, in.uscc, in.result, note, stored.record.id));
  target->result = in.result;
  target->result_note = note;
  target->result_record_id = stored.record.id;
  return std::move(*target);
}

Status PublishTask(soci::session& sql, std::int64_t task_id, const std::string& now) {
  ZL_ASSIGN_OR_RETURN(store::TaskRow task, RequireTask(sql, task_id));
  if (task.status == "planned") {
    return Status::FailedPrecondition("task " + std::to_string(task_id) +
                                      " must be drawn before it is published");
  }
  if (task.status == "published") {
    return Status::FailedPrecondition("task " + std::to_string(task_id) + " is already published");
  }
  return store::SetTaskStatus(sql, task_id, "published", now);
}

}  // namespace zl::inspect
