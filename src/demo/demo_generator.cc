// EnterpriseGenerator: word lists and weights that make the synthetic register look like
// Hebei's (heavy industry in Tangshan and Handan, many small firms everywhere).
#include "demo/demo_generator.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "demo/demo_random.h"
#include "domain/region.h"
#include "domain/uscc.h"

namespace zl::demo {

namespace {

// Supervision units with a rough share of the province's enterprises (per mille).
struct UnitWeight {
  std::string_view code;
  int weight;
};
constexpr std::array<UnitWeight, 13> kUnits = {{
    {"130100", 170},
    {"130200", 130},
    {"130300", 45},
    {"130400", 100},
    {"130500", 80},
    {"130600", 115},
    {"130700", 50},
    {"130800", 40},
    {"130900", 90},
    {"131000", 80},
    {"131100", 55},
    {"130682", 20},
    {"130181", 25},
}};

// Industries (GB/T 4754 divisions) with weights and words that go into a name.
struct IndustryWords {
  std::string_view code;
  int weight;
  std::array<std::string_view, 3> words;
};
constexpr std::array<IndustryWords, 18> kIndustries = {{
    {"C13", 60, {"粮油", "农产品", "饲料"}},
    {"C14", 60, {"食品", "乳业", "调味品"}},
    {"C15", 25, {"酒业", "饮品", "酿造"}},
    {"C17", 40, {"纺织", "棉纺", "织造"}},
    {"C18", 30, {"服装", "服饰", "制衣"}},
    {"C22", 20, {"纸业", "包装", "纸制品"}},
    {"C26", 40, {"化工", "精细化工", "化学"}},
    {"C27", 15, {"制药", "药业", "生物医药"}},
    {"C29", 35, {"塑料制品", "橡胶", "塑业"}},
    {"C30", 55, {"建材", "玻璃", "水泥"}},
    {"C31", 45, {"钢铁", "特钢", "轧钢"}},
    {"C33", 80, {"金属制品", "五金", "紧固件"}},
    {"C34", 70, {"机械", "通用设备", "阀门"}},
    {"C36", 40, {"汽车零部件", "汽车配件", "专用车"}},
    {"C38", 55, {"电气", "电缆", "电器"}},
    {"C39", 30, {"电子", "电子科技", "通信设备"}},
    {"F51", 150, {"商贸", "贸易", "物资"}},
    {"F52", 150, {"超市", "商行", "百货"}},
}};

// Characters that make up trade names (字号).
constexpr std::array<std::string_view, 72> kTradeChars = {
    "鑫", "达", "恒", "通", "华", "北", "安", "泰", "宏", "远", "金", "鼎", "盛", "兴", "永",
    "昌", "瑞", "丰", "新", "天", "元", "博", "晨", "光", "嘉", "禾", "中", "正", "德", "信",
    "宇", "航", "海", "峰", "龙", "东", "方", "汇", "泽", "隆", "源", "康", "宁", "聚", "力",
    "振", "宝", "福", "祥", "顺", "益", "开", "明", "同", "和", "凯", "卓", "越", "铭", "诚",
    "众", "合", "百", "川", "辰", "燕", "冀", "太", "行", "润", "乾", "坤"};

constexpr std::array<std::string_view, 12> kRoads = {
    "建设路", "中山路", "胜利路", "解放路", "人民路",   "友谊大街",
    "和平路", "新华路", "裕华路", "长江道", "黄河大道", "工业园区纬三路"};

// Surnames with a rough share among Hebei's population (per ten thousand), and characters of
// given names. Legal representatives come from a random stream of their own, so adding them
// left every other generated value as it was.
struct SurnameWeight {
  std::string_view surname;
  int weight;
};
constexpr std::array<SurnameWeight, 60> kSurnames = {{
    {"王", 950}, {"李", 900}, {"张", 880}, {"刘", 700}, {"赵", 450}, {"杨", 400}, {"陈", 350},
    {"高", 280}, {"孙", 250}, {"郭", 200}, {"马", 200}, {"田", 100}, {"徐", 150}, {"周", 150},
    {"朱", 140}, {"韩", 140}, {"宋", 120}, {"吴", 120}, {"于", 120}, {"董", 120}, {"黄", 120},
    {"贾", 100}, {"胡", 100}, {"冯", 100}, {"梁", 100}, {"郑", 100}, {"崔", 90},  {"魏", 90},
    {"任", 90},  {"曹", 100}, {"许", 80},  {"吕", 80},  {"苏", 80},  {"杜", 80},  {"郝", 80},
    {"程", 80},  {"姜", 80},  {"卢", 70},  {"丁", 70},  {"孟", 70},  {"范", 70},  {"武", 70},
    {"石", 80},  {"白", 70},  {"何", 80},  {"闫", 60},  {"常", 60},  {"康", 60},  {"侯", 60},
    {"史", 60},  {"乔", 60},  {"薛", 60},  {"尹", 50},  {"齐", 50},  {"牛", 50},  {"庞", 40},
    {"耿", 40},  {"霍", 40},  {"申", 40},  {"岳", 40},
}};
constexpr std::array<std::string_view, 80> kGivenChars = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫",
    "波", "斌", "宇", "浩", "凯", "健", "俊", "旭", "宁", "龙", "林", "建", "国", "志", "海", "东",
    "亮", "峰", "文", "成", "立", "新", "永", "春", "红", "芳", "娜", "敏", "静", "丽", "艳", "娟",
    "霞", "燕", "玲", "桂", "英", "秀", "兰", "梅", "婷", "雪", "慧", "丹", "倩", "颖", "洁", "琳",
    "萍", "晶", "欣", "佳", "悦", "振", "利", "福", "庆", "金", "玉", "彦", "晓", "瑶", "宏", "辰"};

// Sizes: large, medium, small, micro.
constexpr std::array<int, 4> kSizeWeights = {2, 8, 38, 52};
constexpr std::array<domain::EnterpriseSize, 4> kSizes = {
    domain::EnterpriseSize::kLarge, domain::EnterpriseSize::kMedium, domain::EnterpriseSize::kSmall,
    domain::EnterpriseSize::kMicro};

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::uint64_t kAlphabetPow6 = 887503681ULL;  // 31^6
const Date kUsccReform = Date::FromYmd(2015, 10, 1);

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

}  // namespace

struct EnterpriseGenerator::State {
  DemoOptions options;
  DemoRandom random;
  int produced = 0;
  std::uint64_t serial_offset;
  std::unordered_set<std::uint64_t> name_hashes;
  std::vector<int> unit_weights, industry_weights, surname_weights;
  DemoRandom people;  // legal representatives: a stream apart from the one above

  explicit State(DemoOptions o)
      : options(o),
        random(o.seed),
        serial_offset(random.Next()),
        people(o.seed ^ 0x6c65676170657273ULL) {
    for (const auto& u : kUnits) unit_weights.push_back(u.weight);
    for (const auto& i : kIndustries) industry_weights.push_back(i.weight);
    for (const auto& n : kSurnames) surname_weights.push_back(n.weight);
  }

  // Surname + one given-name character (a third of names) or two.
  std::string MakePersonName() {
    std::string name(kSurnames[people.Weighted(surname_weights)].surname);
    name += kGivenChars[people.Below(kGivenChars.size())];
    if (people.Below(3) != 0) name += kGivenChars[people.Below(kGivenChars.size())];
    return name;
  }

  // A USCC unique to serial number `n`: positions 9-16 come from a bijection of n, so no two
  // enterprises of one run share a code.
  std::string MakeUscc(std::string_view region, std::uint64_t n, bool after_reform) {
    std::string code = "91";
    code += region;
    if (after_reform) {
      // (n * odd + offset) mod 31^6 is a permutation because the multiplier is coprime to 31.
      std::uint64_t v = (n * 7368787ULL + serial_offset) % kAlphabetPow6;
      std::string tail(6, '0');
      for (int i = 5; i >= 0; --i) {
        tail[i] = kUsccAlphabet[v % 31];
        v /= 31;
      }
      code += "MA" + tail;
    } else {
      // Old organisation codes: 8 digits; the multiplier is coprime to 10^8.
      std::uint64_t v = (n * 61803399ULL + serial_offset) % 100000000ULL;
      char digits[9];
      std::snprintf(digits, sizeof digits, "%08llu", static_cast<unsigned long long>(v));
      code += digits;
    }
    code += domain::Uscc::ComputeOrgCodeCheck(std::string_view(code).substr(8, 8));
    code += domain::Uscc::ComputeCheckCharacter(code);
    return code;
  }

  std::string MakeName(std::string_view city, const IndustryWords& industry,
                       domain::EnterpriseSize size) {
    for (int attempt = 0;; ++attempt) {
      std::string name(city);
      name += kTradeChars[random.Below(kTradeChars.size())];
      name += kTradeChars[random.Below(kTradeChars.size())];
      if (attempt >= 8) name += kTradeChars[random.Below(kTradeChars.size())];
      name += industry.words[random.Below(3)];
      if (size == domain::EnterpriseSize::kLarge && random.Below(2) == 0) {
        name += "集团有限公司";
      } else if (size != domain::EnterpriseSize::kMicro && random.Below(5) == 0) {
        name += "股份有限公司";
      } else if (industry.code == "F52" && random.Below(3) == 0) {
        name += "有限责任公司";
      } else {
        name += "有限公司";
      }
      if (name_hashes.insert(Fnv1a(name)).second || attempt >= 40) return name;
    }
  }
};

EnterpriseGenerator::EnterpriseGenerator(DemoOptions options)
    : state_(std::make_unique<State>(options)) {}

EnterpriseGenerator::~EnterpriseGenerator() = default;

std::optional<domain::Enterprise> EnterpriseGenerator::Next() {
  State& s = *state_;
  if (s.produced >= s.options.enterprises) return std::nullopt;
  std::uint64_t serial = static_cast<std::uint64_t>(s.produced++);

  const UnitWeight& unit = kUnits[s.random.Weighted(s.unit_weights)];
  const domain::Region* region = domain::RegionRegistry::Hebei().Find(unit.code);
  const IndustryWords& industry = kIndustries[s.random.Weighted(s.industry_weights)];
  domain::EnterpriseSize size = kSizes[s.random.Weighted(kSizeWeights)];

  // Founding dates from 1985 to 2025, more of them recent (the square root skews upward).
  int span_days =
      Date::FromYmd(2025, 12, 31).days_since_epoch - Date::FromYmd(1985, 1, 1).days_since_epoch;
  double u = static_cast<double>(s.random.Below(1u << 20)) / (1u << 20);
  int offset = static_cast<int>(span_days * (1.0 - (1.0 - u) * (1.0 - u)));
  Date founded = Date::FromYmd(1985, 1, 1).AddDays(offset);

  domain::Enterprise e;
  e.region_code = std::string(unit.code);
  e.uscc = s.MakeUscc(unit.code, serial, founded >= kUsccReform);
  e.name = s.MakeName(region->name_zh, industry, size);
  e.industry_code = std::string(industry.code);
  e.size = size;
  e.founded_on = founded;
  e.legal_representative = s.MakePersonName();
  e.address = "河北省" + region->name_zh + std::string(kRoads[s.random.Below(kRoads.size())]) +
              std::to_string(1 + s.random.Below(400)) + "号";
  return e;
}

}  // namespace zl::demo
