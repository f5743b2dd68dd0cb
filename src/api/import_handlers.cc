// /api/v1/imports: bulk import of enterprises and credit records from an uploaded CSV or
// xlsx file (the request body), the import history and each run's error report.
#include <nlohmann/json.hpp>

#include "api/credit_json.h"
#include "api/download.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/text_encoding.h"
#include "credit/grading_run.h"
#include "credit/importer.h"
#include "sheet/table_reader.h"
#include "store/database.h"

namespace zl::api {

namespace {

Result<bool> BoolParam(const http::Request& request, const char* name) {
  std::string v = TextParam(request, name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  return Status::InvalidArgument("must be true or false", name);
}

http::Response Import(AppContext& context, credit::ImportKind kind, http::Request& request,
                      const auth::Principal& p) {
  Result<bool> strict = BoolParam(request, "strict");
  if (!strict.ok()) return http::Response::FromStatus(strict.status());
  sheet::TableOptions table;
  if (std::string encoding = TextParam(request, "encoding"); !encoding.empty()) {
    Result<TextEncoding> parsed = ParseTextEncoding(encoding);
    if (!parsed.ok()) return http::Response::FromStatus(parsed.status());
    table.encoding = *parsed;
  }
  if (request.body.empty()) {
    return http::Response::FromStatus(
        Status::InvalidArgument("the request body must be the file to import", "file"));
  }
  auto reader = sheet::OpenTable(std::move(request.body), table);
  if (!reader.ok()) return http::Response::FromStatus(reader.status());
  credit::ImportRequest import{
      kind,
      TextParam(request, "file_name"),
      *strict,
      {p.ActorLabel(), auth::RoleIsRegionScoped(p.role) ? p.region_code : ""}};
  std::int64_t first_record_id = 0;
  Status next = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(first_record_id, credit::NextRecordId(sql));
    return Status();
  });
  if (!next.ok()) return http::Response::FromStatus(next);
  auto report = credit::ImportTable(
      context.db, import, **reader, [&](soci::session& sql, const store::ImportRun& run) {
        auth::AppendAudit(sql, p,
                          {"import." + run.kind, "import", std::to_string(run.id),
                           import.actor.region_code, ImportRunToJson(run).dump()},
                          request.request_id);
        return credit::RegradeImported(sql, run, first_record_id, Date::TodayInBeijing());
      });
  if (!report.ok()) return http::Response::FromStatus(report.status());
  nlohmann::json j = ImportRunToJson(report->run);
  nlohmann::json errors = nlohmann::json::array();
  for (const store::ImportError& e : report->errors) errors.push_back(ImportErrorToJson(e));
  j["errors"] = std::move(errors);
  j["errors_total"] = report->errors_total;
  return http::Response::Json(j);
}

// The run, if the caller may see it: its own region's runs for regional roles.
Result<store::ImportRun> ReadRun(AppContext& context, const http::Request& request,
                                 const auth::Principal& p) {
  ZL_ASSIGN_OR_RETURN(std::int64_t id, PositiveIdPathParam(request, "id"));
  std::optional<store::ImportRun> run;
  ZL_RETURN_IF_ERROR(context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(run, store::FindImportRun(sql, id));
    return Status();
  }));
  if (auth::RoleIsRegionScoped(p.role) && (!run || run->actor_region != p.region_code)) {
    return RequireRegion(p, "");
  }
  if (!run) return Status::NotFound("no import with id " + std::to_string(id));
  return *run;
}

http::Response ListImports(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<store::PageRequest> page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  std::string region = auth::RoleIsRegionScoped(p.role) ? p.region_code : "";
  std::vector<store::ImportRun> runs;
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(
        runs, store::ListImportRuns(sql, region, page->per_page,
                                    std::int64_t{page->page - 1} * page->per_page, total));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  nlohmann::json items = nlohmann::json::array();
  for (const store::ImportRun& run : runs) items.push_back(ImportRunToJson(run));
  return http::Response::Json({{"total", total},
                               {"page", page->page},
                               {"per_page", page->per_page},
                               {"items", std::move(items)}});
}

http::Response GetImport(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<store::ImportRun> run = ReadRun(context, request, p);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  nlohmann::json errors = nlohmann::json::array();
  Status s = context.db.Read([&](soci::session& sql) {
    errors = nlohmann::json::array();
    return store::ScanImportErrors(
        sql, run->id, credit::kReportedErrors,
        [&](const store::ImportError& e) { errors.push_back(ImportErrorToJson(e)); });
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  nlohmann::json j = ImportRunToJson(*run);
  j["errors"] = std::move(errors);
  j["errors_total"] = run->rejected;
  return http::Response::Json(j);
}

http::Response ImportErrorReport(AppContext& context, http::Request& request,
                                 const auth::Principal& p) {
  Result<sheet::TableFormat> format = DownloadFormat(request);
  if (!format.ok()) return http::Response::FromStatus(format.status());
  Result<store::ImportRun> run = ReadRun(context, request, p);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  return TableDownload(
      *format, "import-" + std::to_string(run->id) + "-errors", "错误报告",
      [&](sheet::TableWriter& out) {
        ZL_RETURN_IF_ERROR(out.AddRow({"row", "column", "reason"}));
        Status written;
        ZL_RETURN_IF_ERROR(context.db.Read([&](soci::session& sql) {
          return store::ScanImportErrors(sql, run->id, -1, [&](const store::ImportError& e) {
            if (written.ok()) {
              written = out.AddRow({std::to_string(e.row), e.column, e.reason});
            }
          });
        }));
        return written;
      });
}

}  // namespace

void RegisterImportRoutes(http::Router& router, AppContext& context) {
  for (credit::ImportKind kind : {credit::ImportKind::kEnterprises, credit::ImportKind::kRecords}) {
    AddRoute(router, context, http::Method::kPost,
             "/api/v1/imports/" + std::string(credit::ImportKindName(kind)),
             auth::kPermEnterpriseWrite,
             [&context, kind](http::Request& r, const auth::Principal& p) {
               return Import(context, kind, r, p);
             });
  }
  AddRoute(router, context, http::Method::kGet, "/api/v1/imports", auth::kPermEnterpriseWrite,
           [&context](http::Request& r, const auth::Principal& p) {
             return ListImports(context, r, p);
           });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/imports/{id}", auth::kPermEnterpriseWrite,
      [&context](http::Request& r, const auth::Principal& p) { return GetImport(context, r, p); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/imports/{id}/errors",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return ImportErrorReport(context, r, p);
           });
}

}  // namespace zl::api
