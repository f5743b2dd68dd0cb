// Listener and connection coroutines: with server.cc, the only Boost.Asio/Beast code in Zhiliang.
//
// Each connection runs two coroutines on one strand: a reader that parses requests and calls
// the Dispatcher (handlers block the strand, not the whole server), and a writer that sends
// queued responses in order. The queue is bounded by pipeline_limit, so a client that
// pipelines without reading gets back-pressure instead of growing our memory.
#include "http/listener.h"  // first: it includes <utility>, which Boost 1.74 Asio needs in C++20

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/dispatcher.h"
#include "http/problem.h"
#include "http/server.h"

namespace zl::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using beast::error_code;

namespace {

constexpr auto kLingerTimeout = std::chrono::seconds(2);  // draining a refused body
constexpr std::size_t kLingerBytes = 64 << 20;            // give up draining after this

auto Redirect(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

// A steady_timer used as a condition variable between the two coroutines of a connection.
asio::awaitable<void> WaitFor(asio::steady_timer& signal) {
  error_code ec;
  signal.expires_at(asio::steady_timer::time_point::max());
  co_await signal.async_wait(Redirect(ec));
}

void LogCoroutineFailure(std::exception_ptr e) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("http: connection failed: {}", ex.what());
  } catch (...) {
    spdlog::error("http: connection failed with a non-standard exception");
  }
}

bool IsParseError(const error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

// Headers the wire layer owns; a handler setting them would corrupt the framing.
bool IsFramingHeader(std::string_view name) {
  return EqualsIgnoreCase(name, "Content-Length") || EqualsIgnoreCase(name, "Transfer-Encoding") ||
         EqualsIgnoreCase(name, "Connection");
}

std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

template <typename Fields>
void FillHeader(const bhttp::request_header<Fields>& msg, Request& request) {
  request.method = ParseMethod(Sv(msg.method_string())).value_or(Method::kGet);
  request.target = Sv(msg.target());
  for (const auto& field : msg) {
    request.headers.emplace_back(Sv(field.name_string()), Sv(field.value()));
  }
}

}  // namespace

struct Connection;

struct Listener::Impl {
  Impl(asio::io_context& io, const ServerOptions& o, Dispatcher& d)
      : ioc(io), options(o), dispatcher(d), acceptor(asio::make_strand(io)) {}

  asio::awaitable<void> AcceptLoop(std::shared_ptr<Impl> self);
  void Unregister(Connection* c);
  std::vector<std::shared_ptr<Connection>> LiveConnections();

  asio::io_context& ioc;
  const ServerOptions& options;
  Dispatcher& dispatcher;
  std::atomic<bool> stopping{false};
  tcp::acceptor acceptor;  // used on its own strand only
  uint16_t port = 0;

  mutable std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;  // guarded by mu
};

// One client connection. All members are used only on the connection's strand.
struct Connection {
  struct Outgoing {
    bhttp::response<bhttp::string_body> message;
    bool close = false;
    bool linger = false;  // after closing, drain what the client may still be sending
  };

  Connection(std::shared_ptr<Listener::Impl> l, tcp::socket socket)
      : listener(std::move(l)),
        stream(std::move(socket)),
        queue_signal(stream.get_executor()),
        space_signal(stream.get_executor()) {
    error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) remote = endpoint.address().to_string();
  }
  ~Connection() { listener->Unregister(this); }

  asio::awaitable<void> ReadLoop(std::shared_ptr<Connection> self);
  asio::awaitable<void> WriteLoop(std::shared_ptr<Connection> self);
  // Reads one request and produces its response; nullopt when the connection must just end.
  // Sets `close` when the connection must close after the response, and `linger` when part
  // of the request was left unread.
  asio::awaitable<std::optional<Response>> ReadRequest(Request& request, bool& close, bool& linger);
  void Enqueue(const Request& request, Response response, bool close, bool linger);
  // During shutdown, ends a connection that is waiting for its next request. One whose
  // request has arrived but not been read yet (all threads were busy) is not idle: it will
  // be answered, with Connection: close.
  void CloseIfIdle() {
    error_code ec;
    if (listener->stopping && reader_idle && queue.empty() && !writing && !HasInput()) {
      stream.socket().cancel(ec);
    }
  }
  // True when a request (or part of one) has arrived and not been parsed yet.
  bool HasInput() {
    error_code ec;
    return buffer.size() > 0 || (stream.socket().available(ec) > 0 && !ec);
  }
  // Ends the connection now, whatever it is doing (shutdown timeout, reader failure).
  void Abort() {
    broken = true;
    stream.close();
    queue_signal.cancel();
    space_signal.cancel();
  }

  std::shared_ptr<Listener::Impl> listener;  // kept alive by its connections
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::string remote;
  std::deque<Outgoing> queue;
  asio::steady_timer queue_signal;  // wakes the writer
  asio::steady_timer space_signal;  // wakes the reader
  bool reader_idle = false;         // waiting for the first byte of a request
  bool reader_done = false;
  bool writing = false;
  bool broken = false;  // the writer gave up: the reader must stop too
};

asio::awaitable<void> Connection::ReadLoop([[maybe_unused]] std::shared_ptr<Connection> self) {
  const ServerOptions& o = listener->options;
  for (;;) {
    while (queue.size() >= o.pipeline_limit && !broken) co_await WaitFor(space_signal);
    if (broken || (listener->stopping && !HasInput())) break;
    if (buffer.size() == 0) {
      error_code ec;
      reader_idle = true;
      stream.expires_after(o.idle_timeout);
      std::size_t n = co_await stream.async_read_some(buffer.prepare(4096), Redirect(ec));
      reader_idle = false;
      if (ec) break;  // closed by the client, idle timeout, or Stop()
      buffer.commit(n);
    }
    Request request;
    request.remote_address = remote;
    bool close = false;
    bool linger = false;
    std::optional<Response> response = co_await ReadRequest(request, close, linger);
    if (!response || broken) break;
    // Pipelined requests already buffered will go unanswered if we close now.
    Enqueue(request, std::move(*response), close || listener->stopping,
            linger || buffer.size() > 0);
    if (close || listener->stopping) break;
  }
  reader_done = true;
  queue_signal.cancel();
}

asio::awaitable<std::optional<Response>> Connection::ReadRequest(Request& request, bool& close,
                                                                 bool& linger) {
  const ServerOptions& o = listener->options;
  Dispatcher& dispatcher = listener->dispatcher;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(
      static_cast<std::uint32_t>(std::min<std::size_t>(o.header_limit, UINT32_MAX)));
  // The parser checks Content-Length against the limit while reading the header, before the
  // target is known: start with the larger upload limit, then narrow it per target.
  parser.body_limit(o.upload_path_prefixes.empty() ? o.body_limit
                                                   : std::max(o.body_limit, o.upload_body_limit));
  error_code ec;
  stream.expires_after(o.read_timeout);
  co_await bhttp::async_read_header(stream, buffer, parser, Redirect(ec));
  std::size_t body_limit = o.body_limit;
  if (!ec) {
    std::string_view target = Sv(parser.get().target());
    for (const std::string& prefix : o.upload_path_prefixes) {
      if (target.starts_with(prefix)) body_limit = std::max(body_limit, o.upload_body_limit);
    }
    parser.body_limit(body_limit);  // applies to chunked bodies from here on
    if (parser.content_length() && *parser.content_length() > body_limit) {
      ec = bhttp::error::body_limit;
    }
  }
  if (!ec && beast::iequals(parser.get()[bhttp::field::expect], "100-continue") &&
      !parser.is_done()) {
    // The queue is empty here or the writer would be busy: only the reader writes this.
    if (queue.empty() && !writing) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
      stream.expires_after(o.write_timeout);
      co_await bhttp::async_write(stream, cont, Redirect(ec));
    }
  }
  if (!ec) {
    stream.expires_after(o.read_timeout);
    co_await bhttp::async_read(stream, buffer, parser, Redirect(ec));
  }
  if (!ec) {
    auto& msg = parser.get();
    FillHeader(msg.base(), request);
    request.body = std::move(msg.body());
    close = !msg.keep_alive();
    if (!ParseMethod(Sv(msg.method_string()))) {
      close = true;
      co_return dispatcher.Reject(
          request, MakeProblem("not-implemented", "method " + std::string(Sv(msg.method_string())) +
                                                      " not supported"));
    }
    co_return dispatcher.Handle(request);
  }
  close = true;
  linger = true;
  if (parser.is_header_done()) FillHeader(parser.get().base(), request);
  if (ec == bhttp::error::body_limit) {
    co_return dispatcher.Reject(
        request,
        MakeProblem("payload-too-large", fmt::format("request body exceeds {} bytes", body_limit)));
  }
  if (ec == bhttp::error::header_limit) {
    co_return dispatcher.Reject(
        request, MakeProblem("headers-too-large",
                             fmt::format("request headers exceed {} bytes", o.header_limit)));
  }
  if (IsParseError(ec)) {
    co_return dispatcher.Reject(request, MakeProblem("bad-request", "malformed HTTP request"));
  }
  co_return std::nullopt;  // timeout, reset, EOF mid-message: nobody to answer
}

void Connection::Enqueue(const Request& request, Response response, bool close, bool linger) {
  Outgoing out;
  auto& m = out.message;
  m.version(11);
  m.result(static_cast<unsigned>(response.status));
  m.set(bhttp::field::server, "zhiliang");
  m.set(bhttp::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) {
    if (!IsFramingHeader(name)) m.insert(name, value);
  }
  m.keep_alive(!close);
  const int status = response.status;
  if (status < 200 || status == 204 || status == 304) {
    response.body.clear();  // these responses have no body (and Beast refuses one)
  }
  if (request.method == Method::kHead) {
    m.content_length(response.body.size());
  } else {
    m.body() = std::move(response.body);
    m.prepare_payload();
  }
  out.close = close;
  out.linger = close && linger;
  queue.push_back(std::move(out));
  queue_signal.cancel();
}

asio::awaitable<void> Connection::WriteLoop([[maybe_unused]] std::shared_ptr<Connection> self) {
  const ServerOptions& o = listener->options;
  bool linger = false;
  error_code ec;
  for (;;) {
    while (queue.empty() && !reader_done && !broken) co_await WaitFor(queue_signal);
    if (queue.empty()) break;
    writing = true;
    stream.expires_after(o.write_timeout);
    co_await bhttp::async_write(stream, queue.front().message, Redirect(ec));
    writing = false;
    bool close = queue.front().close;
    linger = queue.front().linger;
    queue.pop_front();
    space_signal.cancel();
    if (ec) break;
    if (close) break;
    CloseIfIdle();
  }
  broken = true;
  space_signal.cancel();
  error_code ignored;
  if (!reader_done) stream.socket().cancel(ignored);  // the reader may be blocked reading
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  if (linger && reader_done) {
    // The client may still be sending (a refused body, pipelined requests): read and drop
    // it for a moment, so that closing does not reset the connection under our response.
    std::size_t drained = 0;
    stream.expires_after(kLingerTimeout);
    while (!ec && drained < kLingerBytes) {
      buffer.consume(buffer.size());
      drained += co_await stream.async_read_some(buffer.prepare(64 << 10), Redirect(ec));
    }
  }
  stream.socket().close(ignored);
}

asio::awaitable<void> Listener::Impl::AcceptLoop([[maybe_unused]] std::shared_ptr<Impl> self) {
  for (;;) {
    error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::make_strand(ioc), Redirect(ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Usually out of file descriptors: back off instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(100));
      co_await pause.async_wait(Redirect(ec));
      continue;
    }
    auto c = std::make_shared<Connection>(self, std::move(socket));
    {
      std::lock_guard lock(mu);
      connections.emplace(c.get(), c);
    }
    // A coroutine that throws (a bug) takes its connection down rather than leaving it half
    // alive until the shutdown timeout.
    auto on_exit = [c](std::exception_ptr e) {
      if (!e) return;
      LogCoroutineFailure(e);
      asio::post(c->stream.get_executor(), [c] { c->Abort(); });
    };
    asio::co_spawn(c->stream.get_executor(), c->ReadLoop(c), on_exit);
    asio::co_spawn(c->stream.get_executor(), c->WriteLoop(c), on_exit);
  }
}

void Listener::Impl::Unregister(Connection* c) {
  std::lock_guard lock(mu);
  connections.erase(c);
  if (connections.empty()) cv.notify_all();
}

std::vector<std::shared_ptr<Connection>> Listener::Impl::LiveConnections() {
  std::lock_guard lock(mu);
  std::vector<std::shared_ptr<Connection>> out;
  for (auto& [raw, weak] : connections) {
    if (auto c = weak.lock()) out.push_back(std::move(c));
  }
  return out;
}

zl::Result<std::unique_ptr<Listener>> Listener::Open(asio::io_context& ioc,
                                                     const ServerOptions& options,
                                                     Dispatcher& dispatcher) {
  error_code ec;
  asio::ip::address address = asio::ip::make_address(options.address, ec);
  if (ec) {
    return zl::Status::InvalidArgument("invalid listen address '" + options.address + "'",
                                       "address");
  }
  tcp::endpoint endpoint(address, options.port);
  auto impl = std::make_shared<Impl>(ioc, options, dispatcher);
  auto fail = [&](std::string_view step) {
    return zl::Status::Unavailable(
        fmt::format("cannot {} {}:{}: {}", step, options.address, options.port, ec.message()));
  };
  tcp::acceptor& a = impl->acceptor;
  if (a.open(endpoint.protocol(), ec)) return fail("open a socket for");
  if (a.set_option(asio::socket_base::reuse_address(true), ec)) return fail("configure");
  if (a.bind(endpoint, ec)) return fail("bind");
  if (a.listen(asio::socket_base::max_listen_connections, ec)) return fail("listen on");
  impl->port = a.local_endpoint(ec).port();
  asio::co_spawn(a.get_executor(), impl->AcceptLoop(impl), LogCoroutineFailure);
  return std::unique_ptr<Listener>(new Listener(std::move(impl)));
}

Listener::~Listener() {
  // Runs after the I/O threads have stopped, so touching the acceptor directly is safe.
  error_code ignored;
  impl_->acceptor.close(ignored);
}

uint16_t Listener::port() const { return impl_->port; }

void Listener::BeginShutdown() {
  impl_->stopping = true;
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    error_code ignored;
    impl->acceptor.close(ignored);
  });
  for (auto& c : impl_->LiveConnections()) {
    asio::post(c->stream.get_executor(), [c] { c->CloseIfIdle(); });
  }
}

bool Listener::WaitForConnections(std::chrono::steady_clock::duration timeout) {
  std::unique_lock lock(impl_->mu);
  return impl_->cv.wait_for(lock, timeout, [&] { return impl_->connections.empty(); });
}

void Listener::CloseAll() {
  for (auto& c : impl_->LiveConnections()) {
    asio::post(c->stream.get_executor(), [c] { c->Abort(); });
  }
}

std::size_t Listener::connection_count() const {
  std::lock_guard lock(impl_->mu);
  return impl_->connections.size();
}

}  // namespace zl::http
