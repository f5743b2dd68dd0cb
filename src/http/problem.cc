// Problem kinds and the Status -> problem+json mapping.
#include "http/problem.h"

#include <spdlog/spdlog.h>

#include <array>
#include <nlohmann/json.hpp>

namespace zl::http {

namespace {

constexpr std::array<ProblemKind, 14> kKinds = {{
    {"bad-request", 400, "Bad Request", "请求格式错误"},
    {"invalid-argument", 400, "Invalid Argument", "参数无效"},
    {"unauthorized", 401, "Unauthorized", "未登录或登录已失效"},
    {"forbidden", 403, "Forbidden", "无权执行此操作"},
    {"not-found", 404, "Not Found", "未找到"},
    {"method-not-allowed", 405, "Method Not Allowed", "该资源不支持此请求方法"},
    {"request-timeout", 408, "Request Timeout", "请求超时"},
    {"conflict", 409, "Conflict", "与现有数据冲突"},
    {"payload-too-large", 413, "Payload Too Large", "请求体过大"},
    {"too-many-requests", 429, "Too Many Requests", "请求过于频繁"},
    {"headers-too-large", 431, "Request Header Fields Too Large", "请求头过大"},
    {"internal", 500, "Internal Server Error", "服务器内部错误"},
    {"not-implemented", 501, "Not Implemented", "服务器未实现该请求方法"},
    {"unavailable", 503, "Service Unavailable", "服务暂时不可用"},
}};

constexpr std::string_view kInternalDetail = "internal error, see server log";

}  // namespace

const ProblemKind* FindProblemKind(std::string_view slug) {
  for (const auto& kind : kKinds) {
    if (kind.slug == slug) return &kind;
  }
  return nullptr;
}

Response Response::Problem(int status, std::string_view slug, std::string title, std::string detail,
                           std::string field) {
  const ProblemKind* kind = FindProblemKind(slug);
  nlohmann::json body = {
      {"type", "/problems/" + std::string(slug)},
      {"title", title},
      {"title_zh", kind ? std::string(kind->title_zh) : title},
      {"status", status},
      {"detail", std::move(detail)},
  };
  if (!field.empty()) body["field"] = std::move(field);
  Response r = Json(body, status);
  r.content_type = std::string(kProblemType);
  return r;
}

Response MakeProblem(std::string_view slug, std::string detail, std::string field) {
  const ProblemKind* kind = FindProblemKind(slug);
  if (kind == nullptr) {
    spdlog::error("http: unknown problem slug '{}' ({})", slug, detail);
    kind = FindProblemKind("internal");
    detail = std::string(kInternalDetail);
    field.clear();
  }
  return Response::Problem(kind->status, kind->slug, std::string(kind->title), std::move(detail),
                           std::move(field));
}

Response Response::FromStatus(const zl::Status& status) {
  using Code = zl::Status::Code;
  switch (status.code()) {
    case Code::kInvalidArgument:
      return MakeProblem("invalid-argument", status.message(), status.field());
    case Code::kNotFound:
      return MakeProblem("not-found", status.message(), status.field());
    case Code::kAlreadyExists:
    case Code::kFailedPrecondition:
      return MakeProblem("conflict", status.message(), status.field());
    case Code::kPermissionDenied:
      return MakeProblem("forbidden", status.message());
    case Code::kUnauthenticated:
      return MakeProblem("unauthorized", status.message());
    case Code::kResourceExhausted:
      return MakeProblem("too-many-requests", status.message());
    case Code::kUnavailable:
      // The message names a dependency ("database is locked"), not internals worth hiding,
      // but log it so that an outage leaves a trace on the server side as well.
      spdlog::warn("http: unavailable: {}", status.message());
      {
        Response r = MakeProblem("unavailable", "service temporarily unavailable, retry later");
        r.SetHeader("Retry-After", "5");
        return r;
      }
    case Code::kOk:
    case Code::kIoError:
    case Code::kInternal:
      break;
  }
  spdlog::error("http: {} answered as 500", status.ok() ? "OK status" : status.ToString());
  return MakeProblem("internal", std::string(kInternalDetail));
}

}  // namespace zl::http
