// Industries by GB/T 4754-2017 (国民经济行业分类) division, for classifying enterprises and
// inspection plans. Zhiliang ships a short list of the divisions Hebei's quality work deals
// with (data/industries.tsv, compiled into the binary); codes are written section letter +
// division number, e.g. "C31" (黑色金属冶炼和压延加工业).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::domain {

struct Industry {
  std::string code;  // "C31"
  std::string name_zh;
  std::string name_en;

  char section() const { return code[0]; }                                        // 'C' (门类)
  std::string_view division() const { return std::string_view(code).substr(1); }  // "31"
};

// The GB/T 4754-2017 section (门类) letter of a two-digit division number (01–97), or '\0'
// when the number is outside 01–97. E.g. 13–43 → 'C' (制造业), 47–50 → 'E' (建筑业).
char Gb4754Section(int division);

class IndustryRegistry {
 public:
  // The embedded data/industries.tsv, parsed once (thread-safe).
  static const IndustryRegistry& Default();
  // Parses the TSV format of data/industries.tsv; InvalidArgument naming the line when a
  // code is malformed, its letter is not the section of its division, or it is listed twice.
  static Result<IndustryRegistry> FromText(std::string_view tsv,
                                           std::string_view source = "industries.tsv");

  // Exact lookup of a canonical code ("C31"); nullptr when not listed.
  const Industry* Find(std::string_view code) const;
  // Lookup of user input: "C31", "c31", "Ｃ３１" or just the division "31". Fails with
  // InvalidArgument, field "industry_code": "must be a GB/T 4754 division code such as C31"
  // or "C16 is not one of the industries Zhiliang lists".
  Result<const Industry*> Lookup(std::string_view code) const;

  std::span<const Industry> all() const { return industries_; }  // in code order

 private:
  std::vector<Industry> industries_;
};

}  // namespace zl::domain
