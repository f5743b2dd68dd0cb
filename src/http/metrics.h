// Metrics: per-route request counters and latency histograms in Prometheus text format.
//
// Labels are kept to a bounded set on purpose: `route` is a router pattern
// ("/api/v1/enterprises/{uscc}"), "static" or "unmatched", never a raw path, so a scan of
// random URLs cannot blow up the series count. Thread-safe; one short mutex hold per request.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"

namespace zl::http {

class Metrics {
 public:
  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";
  // Upper bounds (seconds) of the latency buckets; +Inf is implied.
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,   1,    2.5,   10};

  // Records one finished request.
  void Observe(Method method, std::string_view route, int status, double seconds);

  // Adds a function whose output (complete Prometheus lines, with HELP/TYPE) is appended to
  // Render(); lets other modules export gauges without a metrics library. Call at start-up.
  void AddCollector(std::function<std::string()> collector);

  // The exposition text (format 0.0.4) of everything observed so far.
  std::string Render() const;

 private:
  struct RouteStats {
    std::map<std::pair<Method, int>, std::uint64_t> requests;  // (method, status) -> count
    std::array<std::uint64_t, kBuckets.size() + 1> buckets{};  // not cumulative; last = +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };

  mutable std::mutex mu_;
  std::map<std::string, RouteStats, std::less<>> routes_;
  std::vector<std::function<std::string()>> collectors_;
};

// Escapes a Prometheus label value (backslash, double quote, newline).
std::string EscapeLabelValue(std::string_view value);

}  // namespace zl::http
