// /api/v1/tokens: API tokens for machine clients.
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "auth/api_tokens.h"
#include "auth/permissions.h"

namespace zl::api {

namespace {

using auth::Principal;

nlohmann::json TokenJson(const store::TokenRecord& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"owner", t.owner},
          {"scopes", auth::SplitScopes(t.scopes)},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at},
          {"revoked_at", t.revoked_at},
          {"last_used_at", t.last_used_at}};
}

http::Response IssueHandler(AppContext& context, http::Request& request, const Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auto name = RequiredString(*body, "name");
  if (!name.ok()) return http::Response::FromStatus(name.status());
  std::vector<std::string> scopes;
  auto it = body->find("scopes");
  if (it == body->end() || !it->is_array()) {
    return http::Response::FromStatus(
        Status::InvalidArgument("must be a list of permissions", "scopes"));
  }
  for (const auto& s : *it) {
    if (!s.is_string()) {
      return http::Response::FromStatus(Status::InvalidArgument("must be strings", "scopes"));
    }
    scopes.push_back(s.get<std::string>());
  }
  int days = 90;
  if (auto e = body->find("expires_in_days"); e != body->end()) {
    if (!e->is_number_integer()) {
      return http::Response::FromStatus(
          Status::InvalidArgument("must be a whole number of days", "expires_in_days"));
    }
    days = e->get<int>();
  }
  auto issued = auth::IssueToken(context.db, p, *name, scopes, days, request.request_id);
  if (!issued.ok()) return http::Response::FromStatus(issued.status());
  nlohmann::json out = TokenJson(issued->record);
  out["token"] = issued->secret;
  http::Response r = http::Response::Json(out, 201);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace

void RegisterTokenRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/tokens", auth::kPermTokenManage,
           [&context](http::Request&, const Principal& p) {
             auto tokens = auth::VisibleTokens(context.db, p);
             if (!tokens.ok()) return http::Response::FromStatus(tokens.status());
             nlohmann::json items = nlohmann::json::array();
             for (const auto& t : *tokens) items.push_back(TokenJson(t));
             return http::Response::Json({{"items", items}});
           });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/tokens", auth::kPermTokenManage,
      [&context](http::Request& r, const Principal& p) { return IssueHandler(context, r, p); });
  AddRoute(router, context, http::Method::kDelete, "/api/v1/tokens/{id}", auth::kPermTokenManage,
           [&context](http::Request& r, const Principal& p) {
             Status s =
                 auth::RevokeApiToken(context.db, p, std::string(r.PathParam("id")), r.request_id);
             if (!s.ok()) return http::Response::FromStatus(s);
             return http::Response::Text("", "text/plain", 204);
           });
}

}  // namespace zl::api
