// /api/v1/audit: browsing and verifying the audit trail (auditors, province administrators).
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/date.h"
#include "store/audit_table.h"
#include "store/database.h"

namespace zl::api {

namespace {

using auth::Principal;

http::Response ListAuditHandler(AppContext& context, http::Request& request) {
  auto page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  store::AuditFilter filter;
  filter.actor = TextParam(request, "actor");
  filter.action = TextParam(request, "action");
  filter.object_type = TextParam(request, "object_type");
  filter.object_id = TextParam(request, "object_id");
  filter.from = TextParam(request, "from");
  filter.to = TextParam(request, "to");
  for (auto [field, value] : {std::pair{"from", &filter.from}, {"to", &filter.to}}) {
    if (!value->empty() && !Date::Parse(*value).ok()) {
      return http::Response::FromStatus(
          Status::InvalidArgument("must be a date like 2026-11-26", field));
    }
  }
  store::PageOf<store::AuditRecord> entries;
  Status s = context.db.Read([&](soci::session& sql) {
    entries = store::ListAudit(sql, filter, *page);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : entries.items) {
    items.push_back({{"seq", e.seq},
                     {"at", e.at},
                     {"actor", e.actor},
                     {"actor_role", e.actor_role},
                     {"action", e.action},
                     {"object_type", e.object_type},
                     {"object_id", e.object_id},
                     {"region_code", e.region_code},
                     {"summary", e.summary},
                     {"request_id", e.request_id}});
  }
  return http::Response::Json({{"total", entries.total},
                               {"page", entries.page},
                               {"per_page", entries.per_page},
                               {"items", items}});
}

}  // namespace

void RegisterAuditRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/audit", auth::kPermAuditRead,
           [&context](http::Request& r, const Principal&) { return ListAuditHandler(context, r); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/audit/verify", auth::kPermAuditRead,
           [&context](http::Request&, const Principal&) {
             auto v = auth::VerifyAudit(context.db);
             if (!v.ok()) return http::Response::FromStatus(v.status());
             nlohmann::json out = {{"ok", v->status.ok()}, {"checked", v->checked}};
             if (!v->status.ok()) out["error"] = v->status.message();
             return http::Response::Json(out);
           });
}

}  // namespace zl::api
