// Demo inspectors (see demo_inspectors.h).
#include "inspect/demo_inspectors.h"

#include <soci/soci.h>

#include <array>
#include <string_view>
#include <vector>

#include "demo/demo_random.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "store/inspection_tables.h"

namespace zl::inspect {

namespace {

constexpr std::array<std::string_view, 24> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋"};
constexpr std::array<std::string_view, 40> kGiven = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "文", "辉", "力",
    "鹏", "宇", "浩", "凯", "晨", "欣", "颖", "峰", "志", "国", "红", "春"};

std::string Name(demo::DemoRandom& rng) {
  std::string name(kSurnames[rng.Below(kSurnames.size())]);
  name += kGiven[rng.Below(kGiven.size())];
  if (rng.Below(3) != 0) name += kGiven[rng.Below(kGiven.size())];
  return name;
}

std::string Qualifications(demo::DemoRandom& rng) {
  const auto industries = domain::IndustryRegistry::Default().all();
  const std::uint32_t kind = rng.Below(10);
  if (kind == 0) return "*";
  if (kind == 1) return std::string(1, industries[rng.Below(industries.size())].section());
  std::vector<std::string> codes;
  const std::uint32_t n = 1 + rng.Below(3);
  while (codes.size() < n) {
    std::string code = industries[rng.Below(industries.size())].code;
    bool seen = false;
    for (const std::string& c : codes) seen = seen || c == code;
    if (!seen) codes.push_back(code);
  }
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

}  // namespace

Result<DemoInspectorCounts> AddDemoInspectors(soci::session& sql, std::uint64_t seed,
                                              const std::string& now, int per_unit, int provincial,
                                              int conflicts) {
  demo::DemoRandom rng(seed ^ 0x1a5bec7042d15c0fULL);
  DemoInspectorCounts out;
  std::vector<std::pair<std::int64_t, std::string>> added;  // id, region
  auto add = [&](const std::string& region) -> Status {
    store::InspectorRow row{0, Name(rng), region, Qualifications(rng), true, now};
    ZL_ASSIGN_OR_RETURN(row.id, store::InsertInspector(sql, row));
    added.emplace_back(row.id, region);
    ++out.inspectors;
    return Status();
  };
  for (int i = 0; i < provincial; ++i) ZL_RETURN_IF_ERROR(add("130000"));
  for (const domain::Region* unit : domain::RegionRegistry::Hebei().SupervisionUnits()) {
    for (int i = 0; i < per_unit; ++i) ZL_RETURN_IF_ERROR(add(unit->code));
  }
  // Conflicts: a few unit inspectors with an enterprise of their unit (say, a relative works
  // there), picked by a deterministic offset among that unit's enterprises in USCC order.
  const char* kReasons[] = {"近亲属在该企业任职", "曾在该企业任职未满三年", "持有该企业股份"};
  for (int i = 0; i<conflicts&& static_cast<int>(added.size())> provincial; ++i) {
    const auto& [id, region] = added[provincial + rng.Below(added.size() - provincial)];
    long long offset = rng.Below(50);
    std::string uscc;
    soci::indicator ind = soci::i_null;
    sql << "SELECT uscc FROM enterprise WHERE region_code = :r ORDER BY uscc LIMIT 1 OFFSET " +
               std::to_string(offset),
        soci::use(region), soci::into(uscc, ind);
    if (!sql.got_data() || ind != soci::i_ok) continue;
    long long iid = id, n = 0;
    sql << "SELECT COUNT(*) FROM inspector_conflict WHERE inspector_id = :i AND uscc = :u",
        soci::use(iid), soci::use(uscc), soci::into(n);
    if (n > 0) continue;
    ZL_RETURN_IF_ERROR(
        store::InsertConflict(sql, {id, uscc, kReasons[rng.Below(3)], "cli:demo", now}));
    ++out.conflicts;
  }
  return out;
}

Status ClearInspectionData(soci::session& sql) {
  for (const char* table : {"inspection_recusal", "inspection_target", "inspection_draw",
                            "inspection_task", "inspector_conflict", "inspector"}) {
    sql << std::string("DELETE FROM ") + table;
  }
  return Status();
}

}  // namespace zl::inspect
