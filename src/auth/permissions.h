// Names of the permissions in data/auth/roles.tsv, so that code checks
// `Allows(role, kPermUserManage)` instead of spelling the string at each call site. A test
// checks that this list and the embedded table name the same permissions; what each one
// allows is documented in data/auth/roles.tsv.
#pragma once

#include <array>
#include <string_view>

namespace zl::auth {

inline constexpr std::string_view kPermEnterpriseRead = "enterprise.read";
inline constexpr std::string_view kPermEnterprisePrivateRead = "enterprise.private.read";
inline constexpr std::string_view kPermEnterpriseWrite = "enterprise.write";
inline constexpr std::string_view kPermStatsRead = "stats.read";
inline constexpr std::string_view kPermInspectionWrite = "inspection.write";
inline constexpr std::string_view kPermSelfRead = "self.read";
inline constexpr std::string_view kPermUserRead = "user.read";
inline constexpr std::string_view kPermUserManage = "user.manage";
inline constexpr std::string_view kPermTokenManage = "token.manage";
inline constexpr std::string_view kPermAuditRead = "audit.read";
inline constexpr std::string_view kPermGradingManage = "grading.manage";
inline constexpr std::string_view kPermRiskRead = "risk.read";
inline constexpr std::string_view kPermBlacklistManage = "blacklist.manage";
inline constexpr std::string_view kPermBlacklistApprove = "blacklist.approve";
inline constexpr std::string_view kPermPlanRead = "plan.read";
inline constexpr std::string_view kPermPlanReport = "plan.report";
inline constexpr std::string_view kPermPlanManage = "plan.manage";
inline constexpr std::string_view kPermPlanAssess = "plan.assess";

inline constexpr std::array<std::string_view, 18> kAllPermissions = {
    kPermEnterpriseRead,  kPermEnterprisePrivateRead,
    kPermEnterpriseWrite, kPermStatsRead,
    kPermInspectionWrite, kPermSelfRead,
    kPermUserRead,        kPermUserManage,
    kPermTokenManage,     kPermAuditRead,
    kPermGradingManage,   kPermRiskRead,
    kPermBlacklistManage, kPermBlacklistApprove,
    kPermPlanRead,        kPermPlanReport,
    kPermPlanManage,      kPermPlanAssess};

}  // namespace zl::auth
