// A minimal blocking HTTP/1.1 client over POSIX sockets, for tests that talk to the real
// server on 127.0.0.1. Deliberately independent of Beast, so that the tests check the
// server's bytes on the wire rather than sharing its parser.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace zl::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      throw std::runtime_error("connect failed");
    }
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~HttpConnection() { ::close(fd_); }

  void SendRaw(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (e.g. after a 413); read what it said
      sent += static_cast<std::size_t>(n);
    }
  }

  HttpReply Request(const std::string& method, const std::string& target,
                    const std::string& body = {}, const std::string& extra_headers = {}) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers;
    if (!body.empty() || method == "POST" || method == "PUT") {
      req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    }
    req += "\r\n" + body;
    SendRaw(req);
    return ReadReply(method == "HEAD");
  }

  // Reads one response (Content-Length or chunked bodies).
  HttpReply ReadReply(bool head = false) {
    HttpReply reply;
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) Fill();
    std::string head_text = buffer_.substr(0, header_end);
    buffer_.erase(0, header_end + 4);
    std::size_t line_end = head_text.find("\r\n");
    reply.status = std::stoi(head_text.substr(9, 3));
    std::size_t pos = line_end == std::string::npos ? head_text.size() : line_end + 2;
    while (pos < head_text.size()) {
      std::size_t end = head_text.find("\r\n", pos);
      if (end == std::string::npos) end = head_text.size();
      std::string line = head_text.substr(pos, end - pos);
      std::size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      reply.headers[name] = line.substr(v);
      pos = end + 2;
    }
    if (head) return reply;
    if (reply.header("transfer-encoding") == "chunked") {
      for (;;) {
        std::size_t eol;
        while ((eol = buffer_.find("\r\n")) == std::string::npos) Fill();
        std::size_t size = std::stoul(buffer_.substr(0, eol), nullptr, 16);
        buffer_.erase(0, eol + 2);
        while (buffer_.size() < size + 2) Fill();
        reply.body += buffer_.substr(0, size);
        buffer_.erase(0, size + 2);
        if (size == 0) break;
      }
    } else {
      std::size_t length =
          std::stoul(reply.header("content-length").empty() ? "0" : reply.header("content-length"));
      while (buffer_.size() < length) Fill();
      reply.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
    }
    return reply;
  }

 private:
  void Fill() {
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) throw std::runtime_error("connection closed while reading a response");
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }

  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
inline HttpReply Fetch(std::uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body = {}) {
  HttpConnection c(port);
  return c.Request(method, target, body);
}

}  // namespace zl::testing
