// Router matching speed over a realistic route table (~40 routes of the Zhiliang API).
#include <benchmark/benchmark.h>

#include "http/router.h"

namespace zl::http {
namespace {

Router MakeRouter() {
  static const char* kRoutes[][2] = {
      {"GET", "/api/v1/enterprises"},
      {"POST", "/api/v1/enterprises"},
      {"GET", "/api/v1/enterprises/{uscc}"},
      {"PATCH", "/api/v1/enterprises/{uscc}"},
      {"GET", "/api/v1/enterprises/{uscc}/records"},
      {"POST", "/api/v1/enterprises/{uscc}/records"},
      {"GET", "/api/v1/enterprises/{uscc}/records/{id}"},
      {"POST", "/api/v1/enterprises/{uscc}/records/{id}/objections"},
      {"POST", "/api/v1/enterprises/{uscc}/repairs"},
      {"GET", "/api/v1/enterprises/{uscc}/grade"},
      {"GET", "/api/v1/enterprises/{uscc}/inspections"},
      {"GET", "/api/v1/blacklist"},
      {"POST", "/api/v1/blacklist/cases"},
      {"GET", "/api/v1/blacklist/cases/{id}"},
      {"POST", "/api/v1/blacklist/cases/{id}/decision"},
      {"GET", "/api/v1/grading/runs"},
      {"POST", "/api/v1/grading/runs"},
      {"GET", "/api/v1/grading/runs/{id}"},
      {"GET", "/api/v1/inspections"},
      {"POST", "/api/v1/inspections"},
      {"GET", "/api/v1/inspections/{id}"},
      {"POST", "/api/v1/inspections/draws"},
      {"GET", "/api/v1/inspections/draws/{id}"},
      {"GET", "/api/v1/statistics/pass-rates"},
      {"GET", "/api/v1/trace/events"},
      {"POST", "/api/v1/trace/capture"},
      {"GET", "/api/v1/trace/codes/{code}"},
      {"GET", "/api/v1/recalls"},
      {"POST", "/api/v1/recalls"},
      {"GET", "/api/v1/recalls/{id}"},
      {"GET", "/api/v1/risk/reports"},
      {"POST", "/api/v1/risk/reports"},
      {"GET", "/api/v1/risk/warnings"},
      {"GET", "/api/v1/elevators/{id}"},
      {"POST", "/api/v1/elevators/{id}/calls"},
      {"GET", "/api/v1/elevators/calls/{id}"},
      {"GET", "/api/v1/plan/tasks"},
      {"PATCH", "/api/v1/plan/tasks/{id}"},
      {"GET", "/api/v1/regions/{code}/assessment"},
      {"POST", "/api/v1/auth/login"},
      {"GET", "/api/v1/audit"},
      {"GET", "/api/v1/openapi.json"},
  };
  Router router;
  for (const auto& [method, pattern] : kRoutes) {
    router.Add(*ParseMethod(method), pattern, [](Request&) { return Response(); });
  }
  return router;
}

void RouteOne(benchmark::State& state, Method method, const char* path) {
  Router router = MakeRouter();
  for (auto _ : state) {
    auto result = router.Route(method, path);
    benchmark::DoNotOptimize(result);
  }
}

BENCHMARK_CAPTURE(RouteOne, literal_short, Method::kGet, "/api/v1/blacklist");
BENCHMARK_CAPTURE(RouteOne, one_param, Method::kGet, "/api/v1/enterprises/91130100MA0ABCDE1X");
BENCHMARK_CAPTURE(RouteOne, two_params, Method::kGet,
                  "/api/v1/enterprises/91130100MA0ABCDE1X/records/123456");
BENCHMARK_CAPTURE(RouteOne, deep_post, Method::kPost,
                  "/api/v1/enterprises/91130100MA0ABCDE1X/records/123456/objections");
BENCHMARK_CAPTURE(RouteOne, literal_beside_param, Method::kGet, "/api/v1/elevators/calls/77");
BENCHMARK_CAPTURE(RouteOne, not_found, Method::kGet, "/api/v1/enterprises/x/unknown");
BENCHMARK_CAPTURE(RouteOne, method_not_allowed, Method::kDelete, "/api/v1/enterprises/x");
BENCHMARK_CAPTURE(RouteOne, static_miss, Method::kGet, "/assets/index-4f3a2b.js");

}  // namespace
}  // namespace zl::http
