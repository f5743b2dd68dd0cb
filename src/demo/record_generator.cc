// RecordGenerator: the kind mix, departments, document numbers and publication windows of the
// demo credit records. Text is appended piece by piece into the records' reused strings (a
// format string costs more to parse than the rest of a record takes to make), so generating a
// record allocates nothing once the buffers have grown.
#include "demo/record_generator.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_random.h"
#include "demo/record_words.h"
#include "domain/record_kind.h"
#include "domain/region.h"

namespace zl::demo {

namespace {

using domain::Polarity;
using domain::Severity;

enum Kind {
  kLicence,
  kCcc,
  kCertification,
  kInspectionPass,
  kInspectionFail,
  kPenalty,
  kAward,
  kFamousBrand,
  kChiefQualityOfficer,
  kCommitment,
  kComplaint,
  kRecall,
  kAccident,
  kOnsiteAudit,
  kDishonestyList,
  kKindCount
};

// What a kind's records look like: its share (per mille, before industry adjustments), the
// usual polarity and how often (percent) the other one occurs, and for bad records the split
// of severities (percent minor, general; the rest serious).
struct KindSpec {
  std::string_view code;
  int weight;
  Polarity usual, other;
  int other_percent;
  int minor_percent, general_percent;
};
constexpr std::array<KindSpec, kKindCount> kSpecs = {{
    {"licence", 110, Polarity::kGood, Polarity::kNeutral, 10, 0, 0},
    {"ccc", 60, Polarity::kGood, Polarity::kNeutral, 10, 0, 0},
    {"certification", 100, Polarity::kGood, Polarity::kNeutral, 10, 0, 0},
    {"inspection_pass", 250, Polarity::kGood, Polarity::kNeutral, 10, 0, 0},
    {"inspection_fail", 60, Polarity::kBad, Polarity::kBad, 0, 50, 40},
    {"penalty", 55, Polarity::kBad, Polarity::kBad, 0, 35, 50},
    {"award", 3, Polarity::kGood, Polarity::kGood, 0, 0, 0},
    {"famous_brand", 8, Polarity::kGood, Polarity::kGood, 0, 0, 0},
    {"chief_quality_officer", 20, Polarity::kGood, Polarity::kGood, 0, 0, 0},
    {"commitment", 80, Polarity::kGood, Polarity::kNeutral, 30, 0, 0},
    {"complaint", 40, Polarity::kBad, Polarity::kBad, 0, 80, 20},
    {"recall", 6, Polarity::kBad, Polarity::kNeutral, 40, 0, 70},
    {"accident", 1, Polarity::kBad, Polarity::kBad, 0, 0, 50},
    {"onsite_audit", 15, Polarity::kGood, Polarity::kGood, 0, 0, 0},
    {"dishonesty_list", 1, Polarity::kBad, Polarity::kBad, 0, 0, 0},
}};

// Industry classes (bits) that decide which kinds apply: production licences, compulsory
// certification, famous-brand products (manufacturers only).
constexpr int kLicensed = 1, kCompulsory = 2, kManufacturer = 4, kClasses = 8;

// Records start with the archive (or the enterprise, if later). The State Administration for
// Market Regulation took over from the quality and technical supervision bureaus in 2018,
// which changes department names and document-number prefixes.
const Date kArchiveStart = Date::FromYmd(2010, 1, 1);
const Date kReform = Date::FromYmd(2018, 11, 1);
const Date kIso45001 = Date::FromYmd(2018, 3, 12);

constexpr int kUnpublishedPercent = 5;
constexpr int kPersonalInfoPerMille = 5;  // of complaints

// Text assembly: Append(s, "冀市监罚〔", Num{2024}, "〕", Num{7, 3}, "号") gives
// 冀市监罚〔2024〕007号.
struct Num {
  std::uint64_t value;
  int width = 0;  // zero-padded to at least this many digits
};
void Put(std::string& s, std::string_view text) { s.append(text); }
void Put(std::string& s, char c) { s.push_back(c); }
void Put(std::string& s, Num n) {
  char digits[20];
  auto end = std::to_chars(digits, digits + sizeof digits, n.value).ptr;
  int length = static_cast<int>(end - digits);
  if (length < n.width) s.append(n.width - length, '0');
  s.append(digits, length);
}
template <typename... Parts>
void Append(std::string& s, const Parts&... parts) {
  (Put(s, parts), ...);
}

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// Random draws happen one per statement throughout: the evaluation order of function
// arguments differs between compilers, and the data must not.
bool Percent(DemoRandom& r, int percent) { return static_cast<int>(r.Below(100)) < percent; }

template <typename List>
std::string_view Pick(DemoRandom& r, const List& list) {
  return list[r.Below(static_cast<std::uint32_t>(list.size()))];
}

// Up to 8 bytes of a code as one integer, for lookups without string comparisons.
std::uint64_t PackCode(std::string_view code) {
  std::uint64_t packed = code.size();
  for (std::size_t k = 0; k < code.size() && k < 8; ++k) {
    packed = packed << 8 ^ static_cast<unsigned char>(code[k]);
  }
  return packed;
}

struct Unit {
  std::uint64_t key;  // PackCode(code)
  std::string code;
  std::string city;  // 唐山市; 河北省 for the fallback
  std::string_view abbreviation;
};

// 唐山市市场监督管理局 / 唐山市质量技术监督局.
void AppendDepartment(std::string& out, const Unit& unit, Date day) {
  Append(out, unit.city, day >= kReform ? "市场监督管理局" : "质量技术监督局");
}

// 唐市监抽〔2023〕45号 / 唐质监抽〔2016〕45号.
void AppendDocument(std::string& out, const Unit& unit, Date day, std::string_view type, int serial,
                    std::uint64_t year) {
  Append(out, unit.abbreviation, day >= kReform ? "市监" : "质监", type, "〔", Num{year}, "〕",
         Num{static_cast<std::uint64_t>(serial)}, "号");
}

// 1 to 3 distinct failed items, in list order, separated by 、.
void AppendFailedItems(std::string& out, DemoRandom& r, words::ItemGroup group) {
  const auto& items = words::kFailedItems[static_cast<int>(group)];
  int count = 1;
  if (Percent(r, 45)) ++count;
  if (Percent(r, 10)) ++count;
  unsigned mask = 0;
  while (std::popcount(mask) < count) mask |= 1u << r.Below(items.size());
  bool first = true;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (!(mask & (1u << k))) continue;
    if (!first) out += "、";
    out += items[k];
    first = false;
  }
}

// A resident ID number with a valid GB 11643 check character, born 1955-2002 in a county of
// `unit_code`'s city.
void AppendResidentId(std::string& out, DemoRandom& r, std::string_view unit_code) {
  static const int kFirst = Date::FromYmd(1955, 1, 1).days_since_epoch;
  static const int kSpan = Date::FromYmd(2002, 12, 31).days_since_epoch - kFirst;
  const Date birth = Date::FromDays(kFirst + static_cast<int>(r.Below(kSpan + 1)));
  const unsigned county = 1 + r.Below(20);
  const unsigned sequence = r.Below(1000);
  std::string id;
  Append(id, unit_code.substr(0, 4), Num{county, 2},
         Num{static_cast<std::uint64_t>(birth.year()), 4},
         Num{static_cast<std::uint64_t>(birth.month()), 2},
         Num{static_cast<std::uint64_t>(birth.day()), 2}, Num{sequence, 3});
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int k = 0; k < 17; ++k) sum += (id[k] - '0') * kWeights[k];
  id += kCheck[sum % 11];
  out += id;
}

}  // namespace

struct RecordGenerator::State {
  RecordOptions options;
  std::array<std::array<int, kKindCount>, kClasses> weights{};  // by industry class
  std::array<Polarity, kKindCount> fallback_polarity{};
  std::array<std::array<bool, 3>, kKindCount> allowed{};  // by Polarity
  std::vector<Unit> units;
  Unit province{PackCode("130000"), "130000", "河北省", "冀"};
  std::array<std::uint64_t, words::kIndustries.size()> industry_keys{};
  std::vector<domain::CreditRecord> records;  // grows only; strings keep their capacity

  // The enterprise being generated.
  const Unit* unit = nullptr;
  const words::IndustryProfile* industry = nullptr;
  int industry_class = 0;
  Date first, last;

  explicit State(RecordOptions o) : options(o) {
    const auto& registry = domain::RecordKindRegistry::Default();
    for (int k = 0; k < kKindCount; ++k) {
      const domain::RecordKind* kind = registry.Find(kSpecs[k].code);
      if (kind == nullptr || !kind->importable) continue;  // weight stays 0
      for (Polarity p : {Polarity::kGood, Polarity::kBad, Polarity::kNeutral}) {
        allowed[k][static_cast<int>(p)] = kind->Allows(p);
      }
      fallback_polarity[k] = kind->polarities.front();
      for (int c = 0; c < kClasses; ++c) {
        bool off = (k == kLicence && !(c & kLicensed)) || (k == kCcc && !(c & kCompulsory)) ||
                   (k == kFamousBrand && !(c & kManufacturer));
        weights[c][k] = off ? 0 : kSpecs[k].weight;
      }
    }
    for (const domain::Region* region : domain::RegionRegistry::Hebei().SupervisionUnits()) {
      std::string_view abbreviation = "冀";
      for (const auto& a : words::kUnitAbbreviations) {
        if (a.code == region->code) abbreviation = a.abbreviation;
      }
      units.push_back({PackCode(region->code), region->code, region->name_zh, abbreviation});
    }
    for (std::size_t k = 0; k < industry_keys.size(); ++k) {
      industry_keys[k] = PackCode(words::kIndustries[k].code);
    }
  }

  const Unit& UnitFor(std::string_view region_code) const {
    const std::uint64_t key = PackCode(region_code);
    for (const Unit& u : units) {
      if (u.key == key && u.code == region_code) return u;
    }
    if (const domain::Region* r = domain::RegionRegistry::Hebei().SupervisionUnitFor(region_code)) {
      for (const Unit& u : units) {
        if (u.code == r->code) return u;
      }
    }
    return province;
  }

  const words::IndustryProfile& IndustryFor(std::string_view code) const {
    const std::uint64_t key = PackCode(code);
    for (std::size_t k = 0; k < industry_keys.size(); ++k) {
      if (industry_keys[k] == key && words::kIndustries[k].code == code) {
        return words::kIndustries[k];
      }
    }
    return words::kOtherIndustry;
  }

  int IndustryClass() const {
    return (industry->licensed ? kLicensed : 0) | (industry->ccc ? kCompulsory : 0) |
           (industry->code.starts_with('C') ? kManufacturer : 0);
  }

  // Serial numbers that keep document numbers unique within the enterprise: record i of n
  // gets a*n + i + 1, spread up to about `limit`.
  int Serial(DemoRandom& r, int i, int n, int limit) {
    int spread = std::max(1, limit / n);
    return static_cast<int>(r.Below(static_cast<std::uint32_t>(spread))) * n + i + 1;
  }

  void Fill(DemoRandom& r, const domain::Enterprise& e, int i, int n, domain::CreditRecord& rec);
  // `year` is rec.occurred_on's.
  void FillGood(DemoRandom& r, Kind kind, int i, int n, std::string_view product,
                std::uint64_t year, domain::CreditRecord& rec);
  void FillBad(DemoRandom& r, Kind kind, int i, int n, std::string_view product, std::uint64_t year,
               domain::CreditRecord& rec);
};

void RecordGenerator::State::FillGood(DemoRandom& r, Kind kind, int i, int n,
                                      std::string_view product, std::uint64_t year,
                                      domain::CreditRecord& rec) {
  const bool neutral = rec.polarity == Polarity::kNeutral;
  const Date day = rec.occurred_on;
  std::string& title = rec.title;
  std::string& doc = rec.document_no;
  switch (kind) {
    case kLicence:
      if (industry->food) {  // SC + food category + region + serial + check digit
        Append(rec.source_department, unit->city,
               day >= kReform ? "市场监督管理局" : "食品药品监督管理局");
        const unsigned category = 101 + r.Below(31);
        const int serial = Serial(r, i, n, 9999);
        const unsigned check = r.Below(10);
        Append(doc, "SC", Num{category}, std::string_view(unit->code).substr(0, 6),
               Num{static_cast<std::uint64_t>(serial), 4}, Num{check});
        Append(title, neutral ? "食品生产许可证延续：" : "取得食品生产许可证：", product);
      } else {  // 冀XK + product category - unit - serial
        AppendDepartment(rec.source_department, province, day);
        const unsigned category = 6 + r.Below(18);
        const unsigned product_unit = 1 + r.Below(300);
        const int serial = Serial(r, i, n, 99999);
        Append(doc, "冀XK", Num{category, 2}, '-', Num{product_unit, 3}, '-',
               Num{static_cast<std::uint64_t>(serial), 5});
        Append(title, neutral ? "工业产品生产许可证变更：" : "取得工业产品生产许可证：", product);
      }
      break;
    case kCcc: {
      rec.source_department = "中国质量认证中心";
      const unsigned product_code = 101 + r.Below(1900);
      const int serial = Serial(r, i, n, 999999);
      Append(doc, Num{year}, "01", Num{product_code, 4},
             Num{static_cast<std::uint64_t>(serial), 6});
      Append(title, neutral ? "CCC认证证书变更：" : "取得CCC认证证书：", product);
      break;
    }
    case kCertification:
      if (Percent(r, 75)) {  // a management system, by any certification body
        const std::size_t body = r.Below(words::kCertificationBodies.size());
        rec.source_department = words::kCertificationBodies[body];
        const auto& system = words::kSystems[r.Below(words::kSystems.size())];
        std::string_view name = system.title;
        if (system.letter == 'S' && day < kIso45001) name = "OHSAS 18001职业健康安全管理体系认证";
        const int serial = Serial(r, i, n, 99999);
        const unsigned renewals = r.Below(4);
        Append(doc, Num{113 + 17 * body, 5}, system.letter,
               Num{static_cast<std::uint64_t>(serial), 5}, 'R', Num{renewals}, 'M');
        if (neutral) {
          Append(title, name, "证书换发");
        } else {
          Append(title, "通过", name);
        }
      } else {  // a voluntary product certification (CQC mark)
        rec.source_department = "中国质量认证中心";
        const int serial = Serial(r, i, n, 99999999);
        Append(doc, "CQC", Num{year % 100, 2}, Num{static_cast<std::uint64_t>(serial), 8});
        Append(title, neutral ? "产品认证证书变更：" : "取得产品认证证书：", product);
      }
      break;
    case kInspectionPass: {
      const Unit& by = Percent(r, 35) ? province : *unit;
      AppendDepartment(rec.source_department, by, day);
      AppendDocument(doc, by, day, "抽", Serial(r, i, n, 500), year);
      if (neutral) {
        Append(title, product, "质量安全风险监测：未发现问题");
      } else {
        Append(title, Num{year}, &by == &province ? "年省级" : "年市级", "产品质量监督抽查合格：",
               product);
      }
      break;
    }
    case kAward:
      if (unit == &province || Percent(r, 30)) {
        rec.source_department = "河北省人民政府";
        const int serial = Serial(r, i, n, 200);
        Append(doc, "冀政字〔", Num{year}, "〕", Num{static_cast<std::uint64_t>(serial)}, "号");
        Append(title, Num{year}, "年度河北省政府质量奖");
      } else {
        Append(rec.source_department, unit->city, "人民政府");
        const int serial = Serial(r, i, n, 200);
        Append(doc, unit->abbreviation, "政字〔", Num{year}, "〕",
               Num{static_cast<std::uint64_t>(serial)}, "号");
        Append(title, Num{year}, "年度", unit->city, "市长质量奖");
      }
      break;
    case kFamousBrand:
      AppendDepartment(rec.source_department, province, day);
      AppendDocument(doc, province, day, "函", Serial(r, i, n, 300), year);
      Append(title, "河北省名牌产品：", product);
      break;
    case kChiefQualityOfficer:
      AppendDepartment(rec.source_department, *unit, day);
      AppendDocument(doc, *unit, day, "质", Serial(r, i, n, 300), year);
      title = Percent(r, 70) ? "设立首席质量官并完成备案" : "首席质量官变更备案";
      break;
    case kOnsiteAudit:  // the on-site audit grades AA and AAA need
      AppendDepartment(rec.source_department, province, day);
      AppendDocument(doc, province, day, "审", Serial(r, i, n, 500), year);
      Append(title, Num{year}, "年度企业质量信用等级现场审核通过");
      break;
    default:  // kCommitment
      AppendDepartment(rec.source_department, *unit, day);
      AppendDocument(doc, *unit, day, "诺", Serial(r, i, n, 2000), year);
      if (neutral) {
        Append(title, Num{year}, "年度企业质量信用承诺");
      } else if (Percent(r, 50)) {
        Append(title, "公开产品质量承诺：", product);
      } else {
        title = "签署质量安全主体责任承诺书";
      }
      break;
  }
}

void RecordGenerator::State::FillBad(DemoRandom& r, Kind kind, int i, int n,
                                     std::string_view product, std::uint64_t year,
                                     domain::CreditRecord& rec) {
  const Date day = rec.occurred_on;
  std::string& title = rec.title;
  std::string& doc = rec.document_no;
  switch (kind) {
    case kInspectionFail: {
      const Unit& by = Percent(r, 35) ? province : *unit;
      AppendDepartment(rec.source_department, by, day);
      AppendDocument(doc, by, day, "抽", Serial(r, i, n, 500), year);
      title = "监督抽查不合格：";
      AppendFailedItems(title, r, industry->items);
      Append(title, "（", product, "）");
      break;
    }
    case kPenalty: {
      const Unit& by = Percent(r, 15) ? province : *unit;
      AppendDepartment(rec.source_department, by, day);
      AppendDocument(doc, by, day, day >= kReform ? "罚" : "罚字", Serial(r, i, n, 1500), year);
      std::size_t v = r.Below(words::kViolations.size());
      if (v == 2 && !industry->licensed) v = words::kViolations.size() - 1;  // 销售…
      Append(title, "行政处罚：", words::kViolations[v].prefix, product,
             words::kViolations[v].suffix, "，");
      if (rec.severity == Severity::kMinor) {
        if (Percent(r, 50)) {
          title += "警告";
        } else {
          const unsigned fine = 500 * (1 + r.Below(20));
          Append(title, "责令改正，罚款", Num{fine}, "元");
        }
      } else if (rec.severity == Severity::kGeneral) {
        const unsigned fine = 1000 * (10 + r.Below(190));
        Append(title, "没收违法所得，罚款", Num{fine}, "元");
      } else {
        const unsigned fine = 10000 * (20 + r.Below(180));
        const bool revoke = industry->licensed && Percent(r, 30);
        Append(title, "没收违法产品和违法所得，罚款", Num{fine}, "元，",
               revoke ? "吊销生产许可证" : "责令停产停业");
      }
      break;
    }
    case kComplaint: {  // a 12315 work order
      Append(rec.source_department, unit->city,
             day >= kReform ? "市场监督管理局" : "工商行政管理局");
      const int serial = Serial(r, i, n, 99999);
      Append(doc, "12315-", Num{year}, Num{static_cast<std::uint64_t>(day.month()), 2},
             Num{static_cast<std::uint64_t>(day.day()), 2}, '-',
             Num{static_cast<std::uint64_t>(serial), 5});
      Append(title, "消费者投诉经核实：", product, Pick(r, words::kComplaintProblems));
      if (r.Below(1000) < kPersonalInfoPerMille) {
        static constexpr std::string_view kSecond = "35789";
        const char second = kSecond[r.Below(5)];
        const unsigned subscriber = r.Below(1000000000);
        Append(title, "（投诉人电话1", second, Num{subscriber, 9}, "，身份证号码");
        AppendResidentId(title, r, unit->code);
        title += "）";
      }
      break;
    }
    case kRecall:
      AppendDepartment(rec.source_department, province, day);
      AppendDocument(doc, province, day, "召", Serial(r, i, n, 200), year);
      if (rec.polarity == Polarity::kBad) {
        Append(title, "责令召回：", product, Pick(r, words::kDefects));
      } else {
        Append(title, "主动召回：", product, "（", Pick(r, words::kDefects), "）");
      }
      break;
    case kDishonestyList:  // an entry of another authority's list
      AppendDepartment(rec.source_department, province, day);
      AppendDocument(doc, province, day, "失信", Serial(r, i, n, 100), year);
      Append(title, "列入严重违法失信名单：生产销售不合格", product, "，拒不整改");
      break;
    default:  // kAccident
      AppendDepartment(rec.source_department, *unit, day);
      AppendDocument(doc, *unit, day, "事故", Serial(r, i, n, 100), year);
      Append(title, "质量安全事故：", product, Pick(r, words::kAccidents));
      break;
  }
}

void RecordGenerator::State::Fill(DemoRandom& r, const domain::Enterprise& e, int i, int n,
                                  domain::CreditRecord& rec) {
  const Kind kind = static_cast<Kind>(r.Weighted(weights[industry_class]));
  const KindSpec& spec = kSpecs[kind];

  rec.id = 0;
  rec.uscc.assign(e.uscc);
  rec.kind.assign(spec.code);
  const auto days = static_cast<std::uint32_t>(last.days_since_epoch - first.days_since_epoch + 1);
  rec.occurred_on = first.AddDays(static_cast<int>(r.Below(days)));
  Polarity polarity = Percent(r, spec.other_percent) ? spec.other : spec.usual;
  if (!allowed[kind][static_cast<int>(polarity)]) polarity = fallback_polarity[kind];
  rec.polarity = polarity;
  rec.severity = Severity::kNone;
  if (polarity == Polarity::kBad) {
    const int roll = static_cast<int>(r.Below(100));
    rec.severity = roll < spec.minor_percent                          ? Severity::kMinor
                   : roll < spec.minor_percent + spec.general_percent ? Severity::kGeneral
                                                                      : Severity::kSerious;
  }
  rec.title.clear();
  rec.source_department.clear();
  rec.document_no.clear();
  rec.details.clear();
  rec.replaces.reset();

  const std::string_view product = Pick(r, industry->products);
  const auto year = static_cast<std::uint64_t>(rec.occurred_on.year());
  switch (kind) {
    case kInspectionFail:
    case kPenalty:
    case kComplaint:
    case kRecall:
    case kAccident:
    case kDishonestyList:
      FillBad(r, kind, i, n, product, year, rec);
      break;
    default:
      FillGood(r, kind, i, n, product, year, rec);
      break;
  }

  // Publication: a few days after the fact; bad records for 3 years (minor penalties for 3
  // months, SAMR Order 45), others without end. Some records stay internal.
  rec.published_from.reset();
  rec.published_until.reset();
  if (Percent(r, kUnpublishedPercent)) return;
  const Date from =
      rec.occurred_on.AddDays(1 + static_cast<int>(r.Below(kind == kPenalty ? 20 : 10)));
  rec.published_from = from;
  if (polarity == Polarity::kBad) {
    const bool short_term = kind == kPenalty && rec.severity == Severity::kMinor;
    rec.published_until = from.AddMonths(short_term ? 3 : 36);
  }
}

RecordGenerator::RecordGenerator(RecordOptions options)
    : state_(std::make_unique<State>(options)) {}

RecordGenerator::~RecordGenerator() = default;

std::span<const domain::CreditRecord> RecordGenerator::Generate(
    const domain::Enterprise& enterprise) {
  State& s = *state_;
  const int average = std::max(0, s.options.records_per_enterprise);
  if (average == 0 || enterprise.founded_on > s.options.last_day) return {};
  // Seeded by the enterprise, so that its records do not depend on the order of calls.
  DemoRandom r(s.options.seed * 0x9e3779b97f4a7c15ULL ^ Fnv1a(enterprise.uscc));
  const int n = static_cast<int>(r.Below(static_cast<std::uint32_t>(2 * average + 1)));
  if (n == 0) return {};
  s.unit = &s.UnitFor(enterprise.region_code);
  s.industry = &s.IndustryFor(enterprise.industry_code);
  s.industry_class = s.IndustryClass();
  s.first = std::max(enterprise.founded_on, kArchiveStart);
  s.last = s.options.last_day;
  if (s.first > s.last) s.first = enterprise.founded_on;
  if (s.records.size() < static_cast<std::size_t>(n)) s.records.resize(n);
  for (int i = 0; i < n; ++i) s.Fill(r, enterprise, i, n, s.records[i]);
  return {s.records.data(), static_cast<std::size_t>(n)};
}

}  // namespace zl::demo
