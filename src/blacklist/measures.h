// The catalogue of joint-punishment measures (data/blacklist/measures.tsv): what a listed
// enterprise may not do, each measure with the activity it restricts and its legal basis.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::blacklist {

struct Measure {
  std::string code, activity;
  bool by_default = false;
  std::string name_zh, name_en, basis;
};

class MeasureCatalogue {
 public:
  // InvalidArgument naming the line: wrong column count, default not yes/no, a code twice.
  static Result<MeasureCatalogue> Parse(std::string_view text, std::string_view source_name);
  static const MeasureCatalogue& Default();  // the compiled-in file, parsed once

  const std::vector<Measure>& all() const { return measures_; }
  const Measure* Find(std::string_view code) const;
  std::vector<std::string> DefaultCodes() const;
  // The codes as given, checked and without repeats; empty → the default ones.
  // InvalidArgument (field "measures") naming an unknown code.
  Result<std::vector<std::string>> Choose(const std::vector<std::string>& codes) const;
  // Whether any measure restricts `activity`.
  bool KnowsActivity(std::string_view activity) const;

 private:
  std::vector<Measure> measures_;
};

}  // namespace zl::blacklist
