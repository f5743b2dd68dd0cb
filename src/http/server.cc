// Server: owns the io_context, its threads and the Listener; start, graceful stop, signals.
#include "http/server.h"  // first: it includes <utility>, which Boost 1.74 Asio needs in C++20

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/dispatcher.h"
#include "http/listener.h"

namespace zl::http {

namespace asio = boost::asio;

namespace {
// After shutdown_timeout, how long closed connections get to unwind before threads stop.
constexpr auto kForceCloseGrace = std::chrono::seconds(1);
}  // namespace

struct Server::Impl {
  enum class State { kIdle, kRunning, kStopping, kStopped };

  Impl(ServerOptions o, Router router, std::optional<StaticFiles> files)
      : options(std::move(o)),
        dispatcher(std::move(router), std::move(files), options.access_log) {}

  ServerOptions options;
  Dispatcher dispatcher;
  zl::Status init_status;

  std::mutex mu;
  std::condition_variable cv;
  State state = State::kIdle;  // guarded by mu
  bool signalled = false;      // guarded by mu

  // Destroyed in reverse: the listener (and its acceptor) before the io_context.
  asio::io_context ioc;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  std::unique_ptr<Listener> listener;
};

Server::Server(ServerOptions options, Router router) {
  zl::Status status = router.status();
  std::optional<StaticFiles> files;
  if (!options.static_root.empty()) {
    auto opened = StaticFiles::Open(options.static_root);
    if (opened.ok()) {
      files = std::move(*opened);
    } else if (status.ok()) {
      status = opened.status();
    }
  }
  impl_ = std::make_unique<Impl>(std::move(options), std::move(router), std::move(files));
  impl_->init_status = std::move(status);
}

Server::~Server() { Stop(); }

Dispatcher& Server::dispatcher() { return impl_->dispatcher; }

zl::Result<uint16_t> Server::Start() {
  Impl& s = *impl_;
  const ServerOptions& o = s.options;
  if (!s.init_status.ok()) return s.init_status;
  if (o.threads < 1) return zl::Status::InvalidArgument("must be at least 1", "threads");
  if (o.pipeline_limit < 1)
    return zl::Status::InvalidArgument("must be at least 1", "pipeline_limit");
  {
    std::lock_guard lock(s.mu);
    if (s.state != Impl::State::kIdle) return zl::Status::FailedPrecondition("already started");
  }
  ZL_ASSIGN_OR_RETURN(s.listener, Listener::Open(s.ioc, o, s.dispatcher));
  s.work.emplace(s.ioc.get_executor());
  for (int i = 0; i < o.threads; ++i) {
    s.threads.emplace_back([&s] {
      for (;;) {
        try {
          s.ioc.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("http: I/O thread caught: {}", e.what());
        }
      }
    });
  }
  {
    std::lock_guard lock(s.mu);
    s.state = Impl::State::kRunning;
  }
  spdlog::info("http: listening on {}:{} with {} thread(s)", o.address, s.listener->port(),
               o.threads);
  return s.listener->port();
}

void Server::Stop() {
  Impl& s = *impl_;
  {
    std::unique_lock lock(s.mu);
    if (s.state == Impl::State::kStopping) {
      s.cv.wait(lock, [&] { return s.state == Impl::State::kStopped; });
      return;
    }
    if (s.state != Impl::State::kRunning) return;
    s.state = Impl::State::kStopping;
    s.cv.notify_all();  // wakes RunUntilSignal()
  }
  spdlog::info("http: shutting down; {} connection(s) open", s.listener->connection_count());
  s.listener->BeginShutdown();
  if (!s.listener->WaitForConnections(s.options.shutdown_timeout)) {
    spdlog::warn("http: {} connection(s) still busy after {}s; closing them",
                 s.listener->connection_count(), s.options.shutdown_timeout.count());
    s.listener->CloseAll();
    s.listener->WaitForConnections(kForceCloseGrace);
  }
  s.work.reset();
  s.ioc.stop();
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  s.listener.reset();  // closes the acceptor if the posted close never got to run
  {
    std::lock_guard lock(s.mu);
    s.state = Impl::State::kStopped;
    s.cv.notify_all();
  }
  spdlog::info("http: stopped");
}

void Server::Wait() {
  Impl& s = *impl_;
  std::unique_lock lock(s.mu);
  s.cv.wait(lock,
            [&] { return s.state == Impl::State::kIdle || s.state == Impl::State::kStopped; });
}

void Server::RunUntilSignal() {
  Impl& s = *impl_;
  asio::signal_set signals(s.ioc, SIGINT, SIGTERM);
  signals.async_wait([&s](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("http: received signal {}; stopping", signal);
    std::lock_guard lock(s.mu);
    s.signalled = true;
    s.cv.notify_all();
  });
  {
    std::unique_lock lock(s.mu);
    s.cv.wait(lock, [&] { return s.signalled || s.state != Impl::State::kRunning; });
  }
  boost::system::error_code ignored;
  signals.cancel(ignored);
  Stop();
}

}  // namespace zl::http
