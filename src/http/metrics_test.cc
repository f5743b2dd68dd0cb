// Prometheus text output: counter lines, cumulative histogram buckets, escaping, threads.
#include "http/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace zl::http {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(Metrics, RendersCountersPerMethodRouteAndStatus) {
  Metrics m;
  m.Observe(Method::kGet, "/api/v1/x/{id}", 200, 0.002);
  m.Observe(Method::kGet, "/api/v1/x/{id}", 200, 0.004);
  m.Observe(Method::kGet, "/api/v1/x/{id}", 404, 0.004);
  m.Observe(Method::kPost, "unmatched", 404, 0.0001);
  std::string text = m.Render();
  EXPECT_TRUE(Has(text, "# TYPE zhiliang_http_requests_total counter"));
  EXPECT_TRUE(Has(
      text, R"(zhiliang_http_requests_total{method="GET",route="/api/v1/x/{id}",status="200"} 2)"));
  EXPECT_TRUE(Has(
      text, R"(zhiliang_http_requests_total{method="GET",route="/api/v1/x/{id}",status="404"} 1)"));
  EXPECT_TRUE(
      Has(text, R"(zhiliang_http_requests_total{method="POST",route="unmatched",status="404"} 1)"));
}

TEST(Metrics, RendersCumulativeHistogramBuckets) {
  Metrics m;
  m.Observe(Method::kGet, "/r", 200, 0.0005);  // <= 0.001
  m.Observe(Method::kGet, "/r", 200, 0.003);   // <= 0.005
  m.Observe(Method::kGet, "/r", 200, 0.3);     // <= 0.5
  m.Observe(Method::kGet, "/r", 200, 60);      // only +Inf
  std::string text = m.Render();
  EXPECT_TRUE(Has(text, "# TYPE zhiliang_http_request_duration_seconds histogram"));
  EXPECT_TRUE(
      Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="0.001"} 1)"));
  EXPECT_TRUE(
      Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="0.005"} 2)"));
  EXPECT_TRUE(
      Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="0.25"} 2)"));
  EXPECT_TRUE(Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="0.5"} 3)"));
  EXPECT_TRUE(Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="10"} 3)"));
  EXPECT_TRUE(
      Has(text, R"(zhiliang_http_request_duration_seconds_bucket{route="/r",le="+Inf"} 4)"));
  EXPECT_TRUE(Has(text, R"(zhiliang_http_request_duration_seconds_count{route="/r"} 4)"));
  EXPECT_NE(text.find(R"(zhiliang_http_request_duration_seconds_sum{route="/r"} 60.3)"),
            std::string::npos);
}

TEST(Metrics, EveryLineIsCommentOrSample) {
  Metrics m;
  m.Observe(Method::kGet, "/a", 200, 0.01);
  m.AddCollector(
      [] { return std::string("# TYPE zhiliang_db_pool_size gauge\nzhiliang_db_pool_size 4\n"); });
  std::string text = m.Render();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ASSERT_FALSE(line.empty());
    if (line[0] == '#') continue;
    // name{labels} value, or name value
    auto space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    EXPECT_EQ(line.rfind("zhiliang_", 0), 0u) << line;
  }
  EXPECT_TRUE(Has(text, "zhiliang_db_pool_size 4"));
}

TEST(Metrics, EscapesLabelValues) { EXPECT_EQ(EscapeLabelValue("a\"b\\c\nd"), "a\\\"b\\\\c\\nd"); }

TEST(Metrics, CountsFromManyThreads) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) m.Observe(Method::kGet, "/t", 200, 0.001);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_TRUE(Has(m.Render(),
                  R"(zhiliang_http_requests_total{method="GET",route="/t",status="200"} 4000)"));
}

}  // namespace
}  // namespace zl::http
