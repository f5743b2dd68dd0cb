// RegisterRoutes: the one list of resources the API serves.
#include "api/app.h"

#include "api/handlers.h"

namespace zl::api {

void RegisterRoutes(http::Router& router, AppContext& context) {
  RegisterEnterpriseRoutes(router, context);
  RegisterRegionRoutes(router, context);
  RegisterStatsRoutes(router, context);
  RegisterOpenApiRoutes(router, context);
  RegisterAuthRoutes(router, context);
  RegisterUserRoutes(router, context);
  RegisterTokenRoutes(router, context);
  RegisterAuditRoutes(router, context);
  RegisterUsccRoutes(router, context);
}

}  // namespace zl::api
