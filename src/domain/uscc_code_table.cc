// Data for uscc_code_table.h, transcribed from credit-rules.md §1.1 item 5.
#include "domain/uscc_code_table.h"

namespace zl::domain {

namespace {

constexpr UsccCategory k1[] = {
    {'1', "机关"}, {'2', "事业单位"}, {'3', "中央编办直管群众团体"}, {'9', "其他"}};
constexpr UsccCategory k2[] = {{'1', "外国常驻新闻机构"}, {'9', "其他"}};
constexpr UsccCategory k3[] = {{'1', "律师执业机构"}, {'2', "公证处"},     {'3', "基层法律服务所"},
                               {'4', "司法鉴定机构"}, {'5', "仲裁委员会"}, {'9', "其他"}};
constexpr UsccCategory k4[] = {{'1', ""}, {'9', ""}};
constexpr UsccCategory k5[] = {
    {'1', "社会团体"}, {'2', "民办非企业单位"}, {'3', "基金会"}, {'9', "其他"}};
constexpr UsccCategory k6[] = {{'1', ""}, {'2', ""}, {'9', ""}};
constexpr UsccCategory k7[] = {{'1', ""}, {'2', ""}, {'9', ""}};
constexpr UsccCategory k8[] = {{'1', ""}, {'9', ""}};
constexpr UsccCategory k9[] = {{'1', "企业"}, {'2', "个体工商户"}, {'3', "农民专业合作社"}};
constexpr UsccCategory kA[] = {{'1', ""}, {'9', ""}};
constexpr UsccCategory kN[] = {{'1', ""}, {'2', ""}, {'3', ""}, {'9', ""}};
constexpr UsccCategory kY[] = {{'1', ""}};

const UsccAuthority kAuthorities[] = {
    {'1', "机构编制", "public-sector establishment", k1, "1, 2, 3 or 9"},
    {'2', "外交", "foreign affairs", k2, "1 or 9"},
    {'3', "司法行政", "justice administration", k3, "1, 2, 3, 4, 5 or 9"},
    {'4', "文化", "culture", k4, "1 or 9"},
    {'5', "民政", "civil affairs", k5, "1, 2, 3 or 9"},
    {'6', "旅游", "tourism", k6, "1, 2 or 9"},
    {'7', "宗教", "religious affairs", k7, "1, 2 or 9"},
    {'8', "工会", "trade unions", k8, "1 or 9"},
    {'9', "工商", "industry and commerce (now market regulation)", k9, "1, 2 or 3"},
    {'A', "中央军委改革和编制办公室", "Central Military Commission reform and establishment office",
     kA, "1 or 9"},
    {'N', "农业", "agriculture", kN, "1, 2, 3 or 9"},
    {'Y', "其他", "other", kY, "1"},
};

}  // namespace

const UsccCategory* UsccAuthority::FindCategory(char c) const {
  for (const UsccCategory& cat : categories) {
    if (cat.code == c) return &cat;
  }
  return nullptr;
}

const UsccAuthority* FindUsccAuthority(char code) {
  for (const UsccAuthority& a : kAuthorities) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

std::span<const UsccAuthority> UsccAuthorities() { return kAuthorities; }

}  // namespace zl::domain
