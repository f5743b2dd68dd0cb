// /api/v1/enterprises: the register (search, export), the credit file and credit report, and
// corrections of register data by regulators.
#include <nlohmann/json.hpp>

#include "api/credit_access.h"
#include "api/credit_json.h"
#include "api/download.h"
#include "api/enterprise_json.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/text.h"
#include "credit/credit_file.h"
#include "domain/industry.h"
#include "domain/record_kind.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

// The filter of a search or an export from the query parameters.
Result<store::EnterpriseFilter> SearchFilter(http::Request& request) {
  store::EnterpriseFilter filter;
  filter.region_code = TextParam(request, "region");
  if (!filter.region_code.empty()) {
    Result<const domain::Region*> region =
        domain::RegionRegistry::Hebei().Lookup(filter.region_code);
    if (!region.ok()) return Status::InvalidArgument(region.status().message(), "region");
    filter.region_code = (*region)->code;
  }
  filter.industry_code = TextParam(request, "industry");
  if (!filter.industry_code.empty()) {
    Result<const domain::Industry*> industry =
        domain::IndustryRegistry::Default().Lookup(filter.industry_code);
    if (!industry.ok()) return Status::InvalidArgument(industry.status().message(), "industry");
    filter.industry_code = (*industry)->code;
  }
  filter.size = TextParam(request, "size");
  if (!filter.size.empty() && !domain::ParseEnterpriseSize(filter.size).ok()) {
    return Status::InvalidArgument("must be one of large, medium, small, micro", "size");
  }
  filter.name_contains = TextParam(request, "q");
  if (CountCodePoints(filter.name_contains) > 100) {
    return Status::InvalidArgument("is longer than 100 characters", "q");
  }
  // A query that is a valid credit code finds that enterprise (not names containing it).
  if (domain::UsccVerdict v = domain::Uscc::Check(filter.name_contains); v.valid) {
    filter.uscc = v.normalized;
    filter.name_contains.clear();
  }
  return filter;
}

http::Response ListEnterprises(AppContext& context, http::Request& request,
                               const auth::Principal& p) {
  Result<store::PageRequest> page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  Result<store::EnterpriseFilter> filter = SearchFilter(request);
  if (!filter.ok()) return http::Response::FromStatus(filter.status());
  store::EnterpriseRepository repo(context.db);
  auto result = repo.List(*filter, *page);
  if (!result.ok()) return http::Response::FromStatus(result.status());
  nlohmann::json items = nlohmann::json::array();
  for (domain::Enterprise& e : result->items) {
    items.push_back(EnterpriseToJson(VisibleEnterprise(p, std::move(e))));
  }
  return http::Response::Json({{"total", result->total},
                               {"total_capped", result->total_is_lower_bound},
                               {"page", result->page},
                               {"per_page", result->per_page},
                               {"items", std::move(items)}});
}

// The search results as a file, at most kMaxExportRows rows.
constexpr int kMaxExportRows = 100000;

http::Response ExportEnterprises(AppContext& context, http::Request& request,
                                 const auth::Principal& p) {
  Result<sheet::TableFormat> format = DownloadFormat(request);
  if (!format.ok()) return http::Response::FromStatus(format.status());
  Result<store::EnterpriseFilter> filter = SearchFilter(request);
  if (!filter.ok()) return http::Response::FromStatus(filter.status());
  auto result = store::EnterpriseRepository(context.db).ListFirst(*filter, kMaxExportRows);
  if (!result.ok()) return http::Response::FromStatus(result.status());
  return TableDownload(*format, "enterprises", "企业名录", [&](sheet::TableWriter& out) {
    ZL_RETURN_IF_ERROR(
        out.AddRow({"uscc", "name", "region_code", "region_name", "industry", "industry_name",
                    "size", "founded_on", "legal_representative", "address"}));
    for (domain::Enterprise& raw : result->items) {
      domain::Enterprise e = VisibleEnterprise(p, std::move(raw));
      const domain::Region* region = domain::RegionRegistry::Hebei().Find(e.region_code);
      const domain::Industry* industry = domain::IndustryRegistry::Default().Find(e.industry_code);
      ZL_RETURN_IF_ERROR(out.AddRow({e.uscc, e.name, e.region_code, region ? region->name_zh : "",
                                     e.industry_code, industry ? industry->name_zh : "",
                                     std::string(domain::EnterpriseSizeNameEn(e.size)),
                                     e.founded_on.ToString(), e.legal_representative, e.address}));
    }
    return Status();
  });
}

// The credit file of `uscc` in the view `p` is entitled to.
Result<credit::CreditFile> ReadFile(AppContext& context, http::Request& request,
                                    const auth::Principal& p) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) return Status::InvalidArgument(verdict.reason, "uscc");
  credit::CreditFile file;
  ZL_RETURN_IF_ERROR(context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e,
                        store::FindEnterprise(sql, verdict.normalized));
    if (!e) return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    credit::CreditView view =
        SeesPrivateData(p, *e) ? credit::CreditView::kFull : credit::CreditView::kPublic;
    ZL_ASSIGN_OR_RETURN(file,
                        credit::ReadCreditFile(sql, std::move(*e), view, Date::TodayInBeijing()));
    return Status();
  }));
  return file;
}

http::Response GetEnterprise(AppContext& context, http::Request& request,
                             const auth::Principal& p) {
  Result<credit::CreditFile> file = ReadFile(context, request, p);
  if (!file.ok()) return http::Response::FromStatus(file.status());
  return http::Response::Json(
      CreditFileToJson(*file, Date::TodayInBeijing(), SeesRiskClass(p, file->enterprise)));
}

// One enterprise's credit report: its records (as the caller may see them) as a file.
http::Response ExportCreditReport(AppContext& context, http::Request& request,
                                  const auth::Principal& p) {
  Result<sheet::TableFormat> format = DownloadFormat(request);
  if (!format.ok()) return http::Response::FromStatus(format.status());
  Result<credit::CreditFile> file = ReadFile(context, request, p);
  if (!file.ok()) return http::Response::FromStatus(file.status());
  const domain::RecordKindRegistry& kinds = domain::RecordKindRegistry::Default();
  return TableDownload(
      *format, "credit-report-" + file->enterprise.uscc, "信用报告", [&](sheet::TableWriter& out) {
        ZL_RETURN_IF_ERROR(
            out.AddRow({"uscc", "name", "record_id", "kind", "kind_name", "occurred_on", "title",
                        "source_department", "document_no", "polarity", "severity",
                        "published_from", "published_until", "status"}));
        for (const store::StoredRecord& stored : file->records) {
          const domain::CreditRecord& r = stored.record;
          const domain::RecordKind* kind = kinds.Find(r.kind);
          ZL_RETURN_IF_ERROR(out.AddRow(
              {file->enterprise.uscc, file->enterprise.name, std::to_string(r.id), r.kind,
               kind ? kind->name_zh : r.kind, r.occurred_on.ToString(), r.title,
               r.source_department, r.document_no, std::string(domain::PolarityName(r.polarity)),
               std::string(domain::SeverityName(r.severity)), OptionalDateText(r.published_from),
               OptionalDateText(r.published_until),
               std::string(domain::RecordStatusName(stored.status))}));
        }
        return Status();
      });
}

// PATCH: corrects register data (name, address, industry, size) of an enterprise in the
// caller's region. The supervision region itself is not changed here.
http::Response PatchEnterprise(AppContext& context, http::Request& request,
                               const auth::Principal& p) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  std::optional<std::string> fields[5];
  const char* names[5] = {"name", "address", "industry_code", "size", "legal_representative"};
  for (int i = 0; i < 5; ++i) {
    auto value = OptionalString(*body, names[i]);
    if (!value.ok()) return http::Response::FromStatus(value.status());
    fields[i] = *value;
  }
  domain::Enterprise after;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> before,
                        store::FindEnterprise(sql, verdict.normalized));
    // Outside the caller's region, "missing" and "elsewhere" look the same: 403.
    if (!before) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    }
    ZL_RETURN_IF_ERROR(RequireRegion(p, before->region_code));
    after = *before;
    if (fields[0]) {
      if (fields[0]->empty()) return Status::InvalidArgument("must not be empty", "name");
      after.name = *fields[0];
    }
    if (fields[1]) after.address = *fields[1];
    if (fields[2]) {
      ZL_ASSIGN_OR_RETURN(const domain::Industry* industry,
                          domain::IndustryRegistry::Default().Lookup(*fields[2]));
      after.industry_code = industry->code;
    }
    if (fields[3]) {
      auto size = domain::ParseEnterpriseSize(*fields[3]);
      if (!size.ok()) return Status::InvalidArgument(size.status().message(), "size");
      after.size = *size;
    }
    if (fields[4]) after.legal_representative = *fields[4];
    store::UpdateEnterprise(sql, *before, after);
    auth::AppendAudit(
        sql, p,
        {"enterprise.update", "enterprise", after.uscc, after.region_code,
         nlohmann::json{{"before", EnterpriseToJson(*before)}, {"after", EnterpriseToJson(after)}}
             .dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(EnterpriseToJson(after));
}

}  // namespace

void RegisterEnterpriseRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/enterprises", auth::kPermEnterpriseRead,
           [&context](http::Request& r, const auth::Principal& p) {
             return ListEnterprises(context, r, p);
           });
  AddRoute(router, context, http::Method::kGet, "/api/v1/enterprises/export",
           auth::kPermEnterpriseRead, [&context](http::Request& r, const auth::Principal& p) {
             return ExportEnterprises(context, r, p);
           });
  AddRoute(router, context, http::Method::kGet, "/api/v1/enterprises/{uscc}",
           auth::kPermEnterpriseRead, [&context](http::Request& r, const auth::Principal& p) {
             return GetEnterprise(context, r, p);
           });
  AddRoute(router, context, http::Method::kGet, "/api/v1/enterprises/{uscc}/report",
           auth::kPermEnterpriseRead, [&context](http::Request& r, const auth::Principal& p) {
             return ExportCreditReport(context, r, p);
           });
  AddRoute(router, context, http::Method::kPatch, "/api/v1/enterprises/{uscc}",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return PatchEnterprise(context, r, p);
           });
}

}  // namespace zl::api
