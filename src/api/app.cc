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
  RegisterCreditRoutes(router, context);
  RegisterImportRoutes(router, context);
  RegisterGradingRoutes(router, context);
  RegisterInspectionRoutes(router, context);
  RegisterBlacklistRoutes(router, context);
  RegisterAssessmentRoutes(router, context);
  RegisterPlanRoutes(router, context);
}

void ConfigureServer(http::ServerOptions& options) {
  options.upload_path_prefixes.push_back("/api/v1/imports/");
  // Plan documents and task reports with evidence files.
  for (const char* prefix : {"/api/v1/plan/plans", "/api/v1/plan/parse", "/api/v1/plan/tasks/"}) {
    options.upload_path_prefixes.push_back(prefix);
  }
  options.upload_body_limit = std::size_t{256} << 20;
}

}  // namespace zl::api
