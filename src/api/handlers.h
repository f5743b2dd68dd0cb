// Route registration, one function per resource file. Internal to api/; see app.h.
#pragma once

#include "api/app.h"

namespace zl::api {

void RegisterEnterpriseRoutes(http::Router& router, AppContext& context);
void RegisterRegionRoutes(http::Router& router, AppContext& context);
void RegisterStatsRoutes(http::Router& router, AppContext& context);
void RegisterOpenApiRoutes(http::Router& router, AppContext& context);
void RegisterAuthRoutes(http::Router& router, AppContext& context);
void RegisterUserRoutes(http::Router& router, AppContext& context);
void RegisterTokenRoutes(http::Router& router, AppContext& context);
void RegisterAuditRoutes(http::Router& router, AppContext& context);
void RegisterUsccRoutes(http::Router& router, AppContext& context);
void RegisterCreditRoutes(http::Router& router, AppContext& context);
void RegisterImportRoutes(http::Router& router, AppContext& context);
void RegisterGradingRoutes(http::Router& router, AppContext& context);
void RegisterInspectionRoutes(http::Router& router, AppContext& context);
void RegisterBlacklistRoutes(http::Router& router, AppContext& context);
void RegisterAssessmentRoutes(http::Router& router, AppContext& context);
void RegisterPlanRoutes(http::Router& router, AppContext& context);

}  // namespace zl::api
