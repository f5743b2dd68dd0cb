// The enterprise columns as the store reads them, shared by the register's queries
// (enterprise_repository.cc) and the name search (enterprise_search.cc). Internal to store/.
#pragma once

#include <soci/soci.h>

#include <string>

#include "base/result.h"
#include "domain/enterprise.h"

namespace zl::store {

// "e." is the table alias every query using these columns gives the enterprise table.
inline constexpr const char* kEnterpriseColumns =
    "e.uscc, e.name, e.region_code, e.industry_code, e.size, e.founded_on, "
    "e.legal_representative, e.address";

struct EnterpriseColumns {
  std::string uscc, name, region_code, industry_code, size, founded_on, legal_representative,
      address;

  // Binds every column, in kEnterpriseColumns order, as an output of `st`.
  void Into(soci::statement& st) {
    for (std::string* f : {&uscc, &name, &region_code, &industry_code, &size, &founded_on,
                           &legal_representative, &address}) {
      st.exchange(soci::into(*f));
    }
  }

  Result<domain::Enterprise> ToEnterprise() const {
    domain::Enterprise e;
    e.uscc = uscc;
    e.name = name;
    e.region_code = region_code;
    e.industry_code = industry_code;
    ZL_ASSIGN_OR_RETURN(e.size, domain::ParseEnterpriseSize(size));
    ZL_ASSIGN_OR_RETURN(e.founded_on, Date::Parse(founded_on));
    e.legal_representative = legal_representative;
    e.address = address;
    return e;
  }
};

}  // namespace zl::store
