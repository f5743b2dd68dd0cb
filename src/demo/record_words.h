// Word lists for the demo credit records (record_generator.cc): products per industry, the
// test items a sample fails on, violations, defects, certification bodies. Only
// record_generator.cc includes this.
#pragma once

#include <array>
#include <string_view>

namespace zl::demo::words {

// Test items a failed sample is reported on, grouped by the kind of product.
enum class ItemGroup {
  kFood,
  kSteel,
  kElectrical,
  kTextile,
  kBuilding,
  kChemical,
  kMechanical,
  kGeneric
};

struct IndustryProfile {
  std::string_view code;  // GB/T 4754 division
  bool food;              // food production licences (SC) instead of industrial ones (XK)
  bool licensed;          // has products in a production-licence catalogue
  bool ccc;               // has products under compulsory certification
  ItemGroup items;
  std::array<std::string_view, 4> products;
};

// One industry a line reads better as a table; "lic." = licensed.
// clang-format off
inline constexpr std::array<IndustryProfile, 29> kIndustries = {{
    //      food   lic.   ccc    failed items            products
    {"C13", true,  true,  false, ItemGroup::kFood,       {"小麦粉", "大米", "食用植物油", "挂面"}},
    {"C14", true,  true,  false, ItemGroup::kFood,       {"糕点", "速冻饺子", "灭菌乳", "酱油"}},
    {"C15", true,  true,  false, ItemGroup::kFood,       {"白酒", "果蔬汁饮料", "啤酒", "包装饮用水"}},
    {"C17", false, false, false, ItemGroup::kTextile,    {"棉纱", "毛巾", "床上用品", "针织面料"}},
    {"C18", false, false, false, ItemGroup::kTextile,    {"衬衫", "羽绒服", "童装", "休闲裤"}},
    {"C19", false, false, false, ItemGroup::kTextile,    {"皮鞋", "运动鞋", "皮革手套", "箱包"}},
    {"C22", false, true,  false, ItemGroup::kGeneric,    {"瓦楞纸箱", "卫生纸", "纸巾纸", "食品用纸包装"}},
    {"C25", false, true,  false, ItemGroup::kChemical,   {"车用柴油", "冶金焦炭", "燃料油", "液化石油气"}},
    {"C26", false, true,  false, ItemGroup::kChemical,   {"复合肥料", "建筑涂料", "胶粘剂", "水处理剂"}},
    {"C27", false, false, false, ItemGroup::kGeneric,    {"医用口罩", "消毒剂", "医用敷料", "中药饮片"}},
    {"C29", false, true,  true,  ItemGroup::kGeneric,    {"塑料管材", "轮胎", "塑料购物袋", "橡胶密封件"}},
    {"C30", false, true,  false, ItemGroup::kBuilding,   {"通用硅酸盐水泥", "平板玻璃", "预拌混凝土", "建筑防水卷材"}},
    {"C31", false, true,  false, ItemGroup::kSteel,      {"钢筋混凝土用热轧带肋钢筋", "热轧钢板", "热轧H型钢", "冷轧带钢"}},
    {"C32", false, true,  false, ItemGroup::kSteel,      {"铝合金建筑型材", "铜管", "铝箔", "锌锭"}},
    {"C33", false, true,  false, ItemGroup::kMechanical, {"紧固件", "钢丝绳", "不锈钢餐具", "钢制门"}},
    {"C34", false, true,  false, ItemGroup::kMechanical, {"阀门", "离心泵", "滚动轴承", "空气压缩机"}},
    {"C35", false, true,  false, ItemGroup::kMechanical, {"农业机械", "起重机械", "矿山机械", "食品机械"}},
    {"C36", false, true,  true,  ItemGroup::kMechanical, {"汽车制动软管", "机动车灯具", "汽车安全带", "专用汽车"}},
    {"C37", false, true,  true,  ItemGroup::kElectrical, {"电动自行车", "摩托车头盔", "自行车", "船用配件"}},
    {"C38", false, true,  true,  ItemGroup::kElectrical, {"电线电缆", "插头插座", "电热水壶", "低压成套开关设备"}},
    {"C39", false, false, true,  ItemGroup::kElectrical, {"电源适配器", "LED灯具", "监控摄像机", "无线路由器"}},
    {"C40", false, true,  false, ItemGroup::kMechanical, {"电能表", "燃气表", "水表", "压力表"}},
    {"D44", false, false, false, ItemGroup::kElectrical, {"电能计量装置", "供热管道", "电力金具", "变压器"}},
    {"D45", false, false, false, ItemGroup::kMechanical, {"液化石油气钢瓶", "燃气调压器", "天然气", "燃气管道"}},
    {"E47", false, false, false, ItemGroup::kBuilding,   {"建筑用钢筋", "预拌砂浆", "建筑门窗", "防水材料"}},
    {"E48", false, false, false, ItemGroup::kBuilding,   {"沥青混合料", "预制构件", "检查井盖", "道路护栏"}},
    {"F51", false, false, false, ItemGroup::kGeneric,    {"钢材", "化肥", "农药", "服装"}},
    {"F52", false, false, false, ItemGroup::kGeneric,    {"食用农产品", "儿童玩具", "化妆品", "电动自行车"}},
    {"M74", false, false, false, ItemGroup::kGeneric,    {"检验检测服务", "计量校准服务", "认证咨询服务", "检验检测服务"}},
}};
// clang-format on

inline constexpr IndustryProfile kOtherIndustry = {
    "", false, false, false, ItemGroup::kGeneric, {"产品", "产品", "产品", "产品"}};

// In ItemGroup order.
inline constexpr std::array<std::array<std::string_view, 8>, 8> kFailedItems = {{
    {"标签", "净含量", "菌落总数", "大肠菌群", "酸价", "过氧化值", "苯甲酸及其钠盐", "甜蜜素"},
    {"屈服强度", "抗拉强度", "断后伸长率", "最大力总延伸率", "重量偏差", "弯曲性能", "化学成分",
     "尺寸偏差"},
    {"标志和说明", "防触电保护", "发热", "耐热和耐燃", "输入功率和电流", "结构", "导体电阻",
     "绝缘厚度"},
    {"纤维含量", "甲醛含量", "pH值", "耐摩擦色牢度", "耐水色牢度", "使用说明",
     "可分解致癌芳香胺染料", "绳带要求"},
    {"抗压强度", "细度", "凝结时间", "安定性", "不透水性", "拉力", "放射性", "尺寸偏差"},
    {"总养分", "水溶性磷占有效磷百分率", "水分", "挥发性有机化合物含量", "游离甲醛", "有效成分含量",
     "标志和标签", "粒度"},
    {"标志和标签", "外观质量", "尺寸偏差", "力学性能", "硬度", "密封试验", "耐压强度", "安全防护"},
    {"标志和标签", "外观", "尺寸偏差", "物理机械性能", "使用说明", "包装", "有害物质限量",
     "规格型号"},
}};

// A violation reads prefix + product + suffix.
struct Violation {
  std::string_view prefix, suffix;
};
inline constexpr std::array<Violation, 7> kViolations = {{
    {"生产不符合保障人体健康和人身、财产安全的国家标准的", ""},
    {"在", "中掺杂、掺假，以次充好"},
    {"未取得生产许可证生产", ""},
    {"伪造", "产地"},
    {"", "标识标注不符合规定"},
    {"未按规定进行出厂检验即销售", ""},
    {"销售失效、变质的", ""},
}};

inline constexpr std::array<std::string_view, 6> kComplaintProblems = {
    "存在质量问题", "标签标识与实物不符", "拒不履行三包义务",
    "虚假宣传",     "计量短缺",           "使用中存在安全隐患"};

inline constexpr std::array<std::string_view, 6> kDefects = {
    "存在过热起火风险", "存在触电风险",       "存在断裂风险",
    "标签标识错误",     "存在微生物超标风险", "存在零部件脱落风险"};

inline constexpr std::array<std::string_view, 4> kAccidents = {
    "使用中发生爆裂，造成人员受伤", "发生断裂，造成财产损失", "起火，造成财产损失",
    "质量缺陷致人受伤"};

inline constexpr std::array<std::string_view, 5> kCertificationBodies = {
    "中国质量认证中心", "方圆标志认证集团有限公司", "北京世标认证中心有限公司",
    "中环联合(北京)认证中心有限公司", "华夏认证中心有限公司"};

// Management-system certifications: title, certificate letter.
struct SystemCertification {
  std::string_view title;
  char letter;
};
inline constexpr std::array<SystemCertification, 3> kSystems = {{
    {"ISO 9001质量管理体系认证", 'Q'},
    {"ISO 14001环境管理体系认证", 'E'},
    {"ISO 45001职业健康安全管理体系认证", 'S'},
}};

// Abbreviations that open the document numbers of the supervision units (唐市监罚〔2024〕12号).
struct UnitAbbreviation {
  std::string_view code, abbreviation;
};
inline constexpr std::array<UnitAbbreviation, 13> kUnitAbbreviations = {{
    {"130100", "石"},
    {"130181", "辛"},
    {"130200", "唐"},
    {"130300", "秦"},
    {"130400", "邯"},
    {"130500", "邢"},
    {"130600", "保"},
    {"130682", "定"},
    {"130700", "张"},
    {"130800", "承"},
    {"130900", "沧"},
    {"131000", "廊"},
    {"131100", "衡"},
}};

}  // namespace zl::demo::words
