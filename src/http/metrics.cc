// Metrics implementation: a mutex-guarded map of routes rendered in exposition format.
#include "http/metrics.h"

#include <fmt/format.h>

namespace zl::http {

void Metrics::Observe(Method method, std::string_view route, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  auto it = routes_.find(route);
  if (it == routes_.end()) it = routes_.emplace(std::string(route), RouteStats()).first;
  RouteStats& stats = it->second;
  ++stats.requests[{method, status}];
  ++stats.buckets[bucket];
  stats.sum += seconds;
  ++stats.count;
}

void Metrics::AddCollector(std::function<std::string()> collector) {
  std::lock_guard lock(mu_);
  collectors_.push_back(std::move(collector));
}

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Metrics::Render() const {
  std::vector<std::function<std::string()>> collectors;
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  {
    std::lock_guard lock(mu_);
    collectors = collectors_;
    fmt::format_to(it,
                   "# HELP zhiliang_http_requests_total HTTP requests served, by method, route "
                   "pattern and status.\n"
                   "# TYPE zhiliang_http_requests_total counter\n");
    for (const auto& [route, stats] : routes_) {
      std::string label = EscapeLabelValue(route);
      for (const auto& [key, count] : stats.requests) {
        fmt::format_to(it,
                       "zhiliang_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} "
                       "{}\n",
                       MethodName(key.first), label, key.second, count);
      }
    }
    fmt::format_to(it,
                   "# HELP zhiliang_http_request_duration_seconds Time from request parsed to "
                   "response ready, by route pattern.\n"
                   "# TYPE zhiliang_http_request_duration_seconds histogram\n");
    for (const auto& [route, stats] : routes_) {
      std::string label = EscapeLabelValue(route);
      std::uint64_t cumulative = 0;
      for (std::size_t b = 0; b < stats.buckets.size(); ++b) {
        cumulative += stats.buckets[b];
        std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
        fmt::format_to(it,
                       "zhiliang_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} "
                       "{}\n",
                       label, le, cumulative);
      }
      fmt::format_to(it, "zhiliang_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                     stats.sum);
      fmt::format_to(it, "zhiliang_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                     stats.count);
    }
  }
  std::string text = fmt::to_string(out);
  // Collectors run outside the lock: they may be slow or observe requests themselves.
  for (const auto& collector : collectors) text += collector();
  return text;
}

}  // namespace zl::http
