// Server: the HTTP/1.1 front door (Boost.Beast behind a pimpl; this header is Beast-free).
//
// Runs `threads` I/O threads; handlers run on them and may block (on the database, say).
// Each connection is kept alive between requests, answers pipelined requests in order with
// at most `pipeline_limit` responses queued, enforces header/body size limits (413/431
// problem+json, then close) and read/write/idle timeouts. Stop() is graceful: it stops
// accepting, lets requests in flight finish (up to `shutdown_timeout`), closes idle
// keep-alive connections, then joins the threads.
//
// Typical use (the CLI's `serve`):
//   Server server(options, std::move(router));
//   ZL_ASSIGN_OR_RETURN(uint16_t port, server.Start());
//   server.RunUntilSignal();  // returns after SIGINT/SIGTERM and a graceful shutdown
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "http/router.h"

namespace zl::http {

class Dispatcher;

struct ServerOptions {
  std::string address = "0.0.0.0";
  uint16_t port = 8080;  // 0 = pick a free port
  int threads = 2;
  std::string static_root;           // web/dist; empty = no static files
  std::size_t body_limit = 1 << 20;  // bytes; bigger -> 413 problem+json
  // Requests whose path starts with one of these prefixes (file uploads) may carry bodies up
  // to upload_body_limit instead.
  std::vector<std::string> upload_path_prefixes;
  std::size_t upload_body_limit = std::size_t{256} << 20;
  std::size_t header_limit = 16 << 10;  // bytes; bigger -> 431 problem+json
  std::chrono::seconds read_timeout{30}, write_timeout{30}, idle_timeout{60};
  std::size_t pipeline_limit = 8;  // responses queued per connection before reading pauses
  bool access_log = true;
  std::chrono::seconds shutdown_timeout{10};  // how long Stop() waits for requests in flight
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();  // Stop()s if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the threads; returns the bound port. Fails with
  // InvalidArgument for a bad address, static_root or route table, Unavailable when the
  // port cannot be bound (the message names address, port and reason), FailedPrecondition
  // when called twice.
  zl::Result<uint16_t> Start();
  // Graceful shutdown; idempotent; returns when the threads have stopped. Call it from any
  // thread except a handler (a handler cannot wait for itself to finish).
  void Stop();
  // Blocks until the server has stopped (returns at once if it never started).
  void Wait();
  // Start() must have succeeded. Waits for SIGINT or SIGTERM (or for Stop() from elsewhere),
  // then Stop()s; returns after shutdown.
  void RunUntilSignal();

  // The request pipeline (router, metrics, static files), e.g. for Metrics::AddCollector.
  Dispatcher& dispatcher();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zl::http
