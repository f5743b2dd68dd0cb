// /api/v1/users: accounts, for administrators (city administrators: their region only).
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/accounts.h"
#include "auth/permissions.h"
#include "store/account_tables.h"
#include "store/database.h"

namespace zl::api {

namespace {

using auth::Principal;

nlohmann::json UserJson(const store::UserRecord& u) {
  return {{"name", u.name},
          {"role", u.role},
          {"region", u.region_code},
          {"uscc", u.uscc},
          {"disabled", u.disabled},
          {"created_at", u.created_at},
          {"last_login_at", u.last_login_at}};
}

http::Response ListUsersHandler(AppContext& context, http::Request& request, const Principal& p) {
  auto page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  store::PageOf<store::UserRecord> users;
  std::string region = auth::RoleIsRegionScoped(p.role) ? p.region_code : "";
  Status s = context.db.Read([&](soci::session& sql) {
    users = store::ListUsers(sql, region, *page);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : users.items) items.push_back(UserJson(u));
  return http::Response::Json({{"total", users.total},
                               {"page", users.page},
                               {"per_page", users.per_page},
                               {"items", items}});
}

http::Response AddUserHandler(AppContext& context, http::Request& request, const Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auth::NewUser user;
  for (auto [field, target] : {std::pair{"name", &user.name},
                               {"role", &user.role},
                               {"region", &user.region_code},
                               {"uscc", &user.uscc},
                               {"password", &user.password}}) {
    auto value = OptionalString(*body, field);
    if (!value.ok()) return http::Response::FromStatus(value.status());
    *target = value->value_or("");
  }
  auto added = auth::AddUser(context.db, p, user, request.request_id);
  if (!added.ok()) return http::Response::FromStatus(added.status());
  return http::Response::Json(UserJson(*added), 201);
}

http::Response ChangeUserHandler(AppContext& context, http::Request& request, const Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auth::UserChange change;
  for (auto [field, target] : {std::pair{"role", &change.role},
                               {"region", &change.region_code},
                               {"uscc", &change.uscc},
                               {"password", &change.password}}) {
    auto value = OptionalString(*body, field);
    if (!value.ok()) return http::Response::FromStatus(value.status());
    *target = *value;
  }
  if (auto it = body->find("disabled"); it != body->end()) {
    if (!it->is_boolean()) {
      return http::Response::FromStatus(
          Status::InvalidArgument("must be true or false", "disabled"));
    }
    change.disabled = it->get<bool>();
  }
  auto changed = auth::ChangeUser(context.db, p, std::string(request.PathParam("name")), change,
                                  request.request_id);
  if (!changed.ok()) return http::Response::FromStatus(changed.status());
  return http::Response::Json(UserJson(*changed));
}

}  // namespace

void RegisterUserRoutes(http::Router& router, AppContext& context) {
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/users", auth::kPermUserRead,
      [&context](http::Request& r, const Principal& p) { return ListUsersHandler(context, r, p); });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/users", auth::kPermUserManage,
      [&context](http::Request& r, const Principal& p) { return AddUserHandler(context, r, p); });
  AddRoute(router, context, http::Method::kPatch, "/api/v1/users/{name}", auth::kPermUserManage,
           [&context](http::Request& r, const Principal& p) {
             return ChangeUserHandler(context, r, p);
           });
}

}  // namespace zl::api
