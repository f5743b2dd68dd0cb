// The real Server on an ephemeral port, spoken to over plain POSIX sockets (no Beast here).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/server.h"
#include "test_http_client.h"

namespace zl::http {
namespace {

namespace fs = std::filesystem;
using test_client::Client;
using test_client::HttpResponse;
using test_client::RequestText;
using namespace std::chrono_literals;

constexpr char kSecret[] = "TOP-SECRET-CONTENT";

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class HttpServerTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "zl-http-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = tmpl;
    WriteFile(base_ / "dist" / "index.html", "<!doctype html><div id=app></div>");
    WriteFile(base_ / "dist" / "assets" / "app.js", "console.log('app')");
    WriteFile(base_ / "secret.txt", kSecret);

    Router router;
    router.Get("/api/v1/enterprises/{uscc}", [](Request& r) {
      return Response::Json(
          {{"uscc", r.PathParam("uscc")}, {"page", r.Query("page").value_or("")}});
    });
    router.Post("/api/v1/echo", [](Request& r) {
      return Response::Json({{"bytes", r.body.size()}});
    });
    router.Get("/api/v1/unique/{id}", [](Request&) { return Response::Json({{"ok", true}}); });
    router.Delete("/api/v1/unique/{id}",
                  [](Request&) { return Response::Text("dropped", "", 204); });
    router.Get("/api/v1/boom", [](Request&) -> Response { throw std::runtime_error("kaboom"); });
    router.Get("/api/v1/slow", [this](Request&) {
      ++slow_started_;
      std::this_thread::sleep_for(300ms);
      return Response::Json({{"slow", "done"}, {"padding", std::string(100000, 'x')}});
    });

    options_.address = "127.0.0.1";
    options_.port = 0;
    options_.threads = 2;
    options_.static_root = (base_ / "dist").string();
    options_.body_limit = 64 << 10;
    options_.header_limit = 8 << 10;
    options_.access_log = false;
    server_ = std::make_unique<Server>(options_, std::move(router));
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }

  void TearDown() override {
    server_.reset();
    fs::remove_all(base_);
  }

  HttpResponse Fetch(std::string_view method, std::string_view target) {
    Client c(port_);
    EXPECT_TRUE(c.connected());
    c.Send(RequestText(method, target, /*close=*/true));
    auto r = c.Read(method == "HEAD");
    EXPECT_TRUE(r.has_value()) << method << " " << target;
    return r.value_or(HttpResponse{});
  }

  fs::path base_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
  std::atomic<int> slow_started_{0};
};

TEST_F(HttpServerTest, RouteHitWithPathParam) {
  HttpResponse r = Fetch("GET", "/api/v1/enterprises/91130100MA0ABCDE1X?page=3");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.Json()["uscc"], "91130100MA0ABCDE1X");
  EXPECT_EQ(r.Json()["page"], "3");
  EXPECT_EQ(r.Header("x-request-id").size(), 16u);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("connection"), "close");
}

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client c(port_);
  ASSERT_TRUE(c.Send(RequestText("GET", "/api/v1/enterprises/A")));
  auto first = c.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->Json()["uscc"], "A");
  EXPECT_NE(first->Header("connection"), "close");
  ASSERT_TRUE(c.Send(RequestText("GET", "/api/v1/enterprises/B")));
  auto second = c.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->Json()["uscc"], "B");
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Client c(port_);
  std::string batch;
  for (int i = 0; i < 20; ++i)
    batch += RequestText("GET", "/api/v1/enterprises/" + std::to_string(i));
  ASSERT_TRUE(c.Send(batch));
  for (int i = 0; i < 20; ++i) {
    auto r = c.Read();
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->Json()["uscc"], std::to_string(i));
  }
}

TEST_F(HttpServerTest, UnknownApiPathIs404Problem) {
  HttpResponse r = Fetch("GET", "/api/v1/no/such/thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(r.Json()["type"], "/problems/not-found");
  EXPECT_EQ(r.Json()["instance"], "/api/v1/no/such/thing");
  EXPECT_EQ(r.Json()["request_id"], r.Header("x-request-id"));
}

TEST_F(HttpServerTest, WrongMethodIs405ProblemWithAllow) {
  HttpResponse r = Fetch("DELETE", "/api/v1/enterprises/A");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(r.Header("allow"), "GET, HEAD");
  EXPECT_EQ(r.Json()["type"], "/problems/method-not-allowed");
}

TEST_F(HttpServerTest, HandlerExceptionIs500Problem) {
  HttpResponse r = Fetch("GET", "/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.Json()["type"], "/problems/internal");
  EXPECT_EQ(r.body.find("kaboom"), std::string::npos);
}

TEST_F(HttpServerTest, BodyWithinLimitIsAccepted) {
  Client c(port_);
  c.Send(RequestText("POST", "/api/v1/echo", false, std::string(60000, 'a')));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Json()["bytes"], 60000);
}

TEST_F(HttpServerTest, OversizedBodyIs413ThenClose) {
  Client c(port_);
  c.Send(RequestText("POST", "/api/v1/echo", false, std::string(200000, 'a')));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->Header("content-type"), "application/problem+json");
  EXPECT_EQ(r->Json()["type"], "/problems/payload-too-large");
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST_F(HttpServerTest, ExpectContinueGets100BeforeTheBody) {
  Client c(port_);
  std::string body(5000, 'b');
  c.Send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: "
      "5000\r\n\r\n");
  auto interim = c.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.Send(body);
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Json()["bytes"], 5000);
}

TEST_F(HttpServerTest, OversizedHeadersAre431) {
  Client c(port_);
  c.Send(RequestText("GET", "/healthz", false, {}, "X-Big: " + std::string(20000, 'h') + "\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->Json()["type"], "/problems/headers-too-large");
}

TEST_F(HttpServerTest, MalformedRequestIs400) {
  Client c(port_);
  c.Send("GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n");
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST_F(HttpServerTest, PathTraversalNeverServesTheSecret) {
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/assets/../../secret.txt", "//../secret.txt", "/..\\secret.txt", "/%2e%2e"}) {
    HttpResponse r = Fetch("GET", target);
    EXPECT_NE(r.status, 200) << target;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << target;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << target;
  }
}

TEST_F(HttpServerTest, StaticFilesAndSpaFallback) {
  HttpResponse js = Fetch("GET", "/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");

  HttpResponse spa = Fetch("GET", "/enterprises/91130100MA0ABCDE1X");
  EXPECT_EQ(spa.status, 200);
  EXPECT_EQ(spa.body, "<!doctype html><div id=app></div>");
  EXPECT_EQ(spa.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(spa.Header("cache-control"), "no-cache");
  EXPECT_EQ(Fetch("GET", "/").body, spa.body);
  EXPECT_EQ(Fetch("GET", "/assets/missing.js").status, 404);
}

TEST_F(HttpServerTest, HealthzAndHead) {
  HttpResponse r = Fetch("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), nlohmann::json({{"status", "ok"}}));

  // HEAD: same Content-Length, no body. The follow-up request on the same connection only
  // parses if no body bytes were sent.
  Client c(port_);
  c.Send(RequestText("HEAD", "/healthz") + RequestText("GET", "/healthz"));
  auto head = c.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), std::to_string(r.body.size()));
  auto get = c.Read();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->body, r.body);
}

TEST_F(HttpServerTest, NoContentHasNoBodyAndKeepsTheConnection) {
  Client c(port_);
  c.Send(RequestText("DELETE", "/api/v1/unique/1") + RequestText("GET", "/healthz"));
  auto deleted = c.Read();
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_EQ(deleted->body, "");
  auto next = c.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->Json()["status"], "ok");
}

TEST_F(HttpServerTest, MetricsCountTheRequestsJustMade) {
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(Fetch("GET", "/api/v1/unique/" + std::to_string(i)).status, 200);
  EXPECT_EQ(Fetch("PUT", "/api/v1/unique/9").status, 405);
  Fetch("GET", "/api/v1/does-not-exist");
  HttpResponse m = Fetch("GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  auto has = [&](const std::string& line) { return m.body.find(line + "\n") != std::string::npos; };
  EXPECT_TRUE(has(
      R"(zhiliang_http_requests_total{method="GET",route="/api/v1/unique/{id}",status="200"} 3)"))
      << m.body;
  EXPECT_TRUE(has(
      R"(zhiliang_http_requests_total{method="PUT",route="/api/v1/unique/{id}",status="405"} 1)"));
  EXPECT_TRUE(
      has(R"(zhiliang_http_request_duration_seconds_count{route="/api/v1/unique/{id}"} 4)"));
  EXPECT_TRUE(has(
      R"(zhiliang_http_request_duration_seconds_bucket{route="/api/v1/unique/{id}",le="+Inf"} 4)"));
  EXPECT_TRUE(
      has(R"(zhiliang_http_requests_total{method="GET",route="unmatched",status="404"} 1)"));
  EXPECT_EQ(m.body.find("does-not-exist"), std::string::npos);
}

TEST_F(HttpServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  Client idle(port_);  // an idle keep-alive connection: must be closed, not waited for
  ASSERT_TRUE(idle.Send(RequestText("GET", "/healthz")));
  ASSERT_TRUE(idle.Read());

  Client busy(port_);
  ASSERT_TRUE(busy.Send(RequestText("GET", "/api/v1/slow")));
  while (slow_started_ == 0) std::this_thread::sleep_for(1ms);
  auto started = std::chrono::steady_clock::now();
  std::thread stopper([this] { server_->Stop(); });

  auto r = busy.Read();
  ASSERT_TRUE(r) << "response lost during shutdown";
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Json()["slow"], "done");
  EXPECT_EQ(r->body.size(), r->Json().dump().size());
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(busy.ClosedByPeer());
  EXPECT_TRUE(idle.ClosedByPeer());
  stopper.join();
  // Bounded by the slow handler, not by shutdown_timeout (10 s).
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);

  Client after(port_);
  EXPECT_FALSE(after.connected());
}

TEST_F(HttpServerTest, ShutdownAnswersRequestsThatArrivedWhileAllThreadsWereBusy) {
  Client waiting(port_);  // accepted and idle before the threads get busy
  ASSERT_TRUE(waiting.Send(RequestText("GET", "/healthz")));
  ASSERT_TRUE(waiting.Read());
  Client slow1(port_), slow2(port_);
  slow1.Send(RequestText("GET", "/api/v1/slow"));
  slow2.Send(RequestText("GET", "/api/v1/slow"));
  while (slow_started_ < 2) std::this_thread::sleep_for(1ms);
  // Both threads are asleep in handlers: this request sits unread in the socket when Stop()
  // looks for idle connections, and must be answered rather than dropped.
  ASSERT_TRUE(waiting.Send(RequestText("GET", "/api/v1/enterprises/late")));
  std::thread stopper([this] { server_->Stop(); });
  auto late = waiting.Read();
  ASSERT_TRUE(late);
  EXPECT_EQ(late->Json()["uscc"], "late");
  EXPECT_EQ(late->Header("connection"), "close");
  EXPECT_EQ(slow1.Read().value_or(HttpResponse{}).status, 200);
  EXPECT_EQ(slow2.Read().value_or(HttpResponse{}).status, 200);
  stopper.join();
}

TEST_F(HttpServerTest, StartFailsWithAddressAndPortWhenTaken) {
  ServerOptions o = options_;
  o.port = port_;
  Server second(o, Router());
  auto result = second.Start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), zl::Status::Code::kUnavailable);
  EXPECT_NE(result.status().message().find("127.0.0.1:" + std::to_string(port_)), std::string::npos)
      << result.status().message();

  o.address = "not-an-address";
  EXPECT_EQ(Server(o, Router()).Start().status().code(), zl::Status::Code::kInvalidArgument);
  o.address = "127.0.0.1";
  o.static_root = (base_ / "missing").string();
  EXPECT_EQ(Server(o, Router()).Start().status().field(), "static_root");
  EXPECT_EQ(server_->Start().status().code(), zl::Status::Code::kFailedPrecondition);
}

TEST_F(HttpServerTest, RunUntilSignalStopsOnSigterm) {
  // Ignore SIGTERM until the server's handler replaces that disposition, then send it once.
  auto previous = std::signal(SIGTERM, SIG_IGN);
  auto done = std::async(std::launch::async, [this] { server_->RunUntilSignal(); });
  auto installed = [] {
    struct sigaction current {};
    sigaction(SIGTERM, nullptr, &current);
    return current.sa_handler != SIG_IGN;
  };
  while (!installed()) std::this_thread::sleep_for(1ms);
  std::raise(SIGTERM);
  ASSERT_EQ(done.wait_for(10s), std::future_status::ready);
  std::signal(SIGTERM, previous);
  Client after(port_);
  EXPECT_FALSE(after.connected());
}

TEST_F(HttpServerTest, RunUntilSignalReturnsWhenStoppedElsewhere) {
  auto done = std::async(std::launch::async, [this] { server_->RunUntilSignal(); });
  std::this_thread::sleep_for(50ms);
  server_->Stop();
  EXPECT_EQ(done.wait_for(5s), std::future_status::ready);
  server_->Wait();  // returns at once once stopped
}

}  // namespace
}  // namespace zl::http
