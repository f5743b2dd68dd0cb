// Listener: accepts TCP connections and runs the HTTP/1.1 exchange on each (internal to http/).
//
// Server owns the io_context and threads; the Listener owns the acceptor and the live
// connections, and is where Boost.Beast lives. This header only forward-declares the
// io_context, so including it stays cheap.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "base/result.h"

namespace boost::asio {
class io_context;
}

namespace zl::http {

class Dispatcher;
struct ServerOptions;

class Listener {
 public:
  // Binds and listens on options.address:port; accepting starts when `ioc` runs. Fails with
  // InvalidArgument for a bad address and Unavailable when the socket cannot be bound. The
  // options and dispatcher must outlive the Listener and the io_context's last run.
  static zl::Result<std::unique_ptr<Listener>> Open(boost::asio::io_context& ioc,
                                                    const ServerOptions& options,
                                                    Dispatcher& dispatcher);
  ~Listener();

  uint16_t port() const;
  // Stops accepting and closes idle keep-alive connections; busy ones close after their
  // response. Returns at once.
  void BeginShutdown();
  // Waits until every connection has closed, for at most `timeout`; true if all closed.
  bool WaitForConnections(std::chrono::steady_clock::duration timeout);
  // Closes every remaining connection, busy or not.
  void CloseAll();
  // Connections currently open.
  std::size_t connection_count() const;

  struct Impl;

 private:
  explicit Listener(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<Impl> impl_;  // shared with the connections, which may outlive us
};

}  // namespace zl::http
