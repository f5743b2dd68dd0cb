// Router implementation: a trie of path segments with one parameter edge per node.
#include "http/router.h"

#include <spdlog/spdlog.h>

#include <array>
#include <optional>

namespace zl::http {

namespace {

// Paths deeper than this are not routable (no route in the API comes close).
constexpr std::size_t kMaxSegments = 32;

struct Segments {
  std::array<std::string_view, kMaxSegments> items;
  std::size_t size = 0;
  bool overflow = false;
};

Segments Split(std::string_view path) {
  Segments out;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > i) {
      if (out.size == kMaxSegments) {
        out.overflow = true;
        return out;
      }
      out.items[out.size++] = path.substr(i, slash - i);
    }
    i = slash + 1;
  }
  return out;
}

bool IsParam(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

struct Router::Node {
  struct Endpoint {
    Handler handler;
    std::string pattern;
    std::vector<std::string> param_names;
  };
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;
  std::array<std::optional<Endpoint>, kMethodCount> endpoints;

  const Endpoint* For(Method method) const {
    const auto& e = endpoints[static_cast<int>(method)];
    if (e) return &*e;
    if (method == Method::kHead) return For(Method::kGet);
    return nullptr;
  }
  const Endpoint* Any() const {
    for (const auto& e : endpoints) {
      if (e) return &*e;
    }
    return nullptr;
  }
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(Method method, std::string pattern, Handler handler) {
  auto fail = [&](std::string_view why) {
    zl::Status error = zl::Status::InvalidArgument(
        fmt::format("route {} {}: {}", MethodName(method), pattern, why), "route");
    spdlog::error("http: {}", error.message());
    if (status_.ok()) status_ = std::move(error);
  };
  if (pattern.empty() || pattern.front() != '/') return fail("pattern must start with '/'");
  if (!handler) return fail("empty handler");
  Segments segments = Split(pattern);
  if (segments.overflow) return fail("too many segments");

  Node* node = root_.get();
  std::vector<std::string> param_names;
  for (std::size_t i = 0; i < segments.size; ++i) {
    std::string_view seg = segments.items[i];
    if (IsParam(seg)) {
      std::string_view name = seg.substr(1, seg.size() - 2);
      if (name.empty() || name.find_first_of("{}") != std::string_view::npos) {
        return fail("bad parameter segment");
      }
      param_names.emplace_back(name);
      if (!node->param) node->param = std::make_unique<Node>();
      node = node->param.get();
    } else {
      if (seg.find_first_of("{}") != std::string_view::npos) return fail("stray brace");
      auto it = node->literals.find(seg);
      if (it == node->literals.end()) {
        it = node->literals.emplace(std::string(seg), std::make_unique<Node>()).first;
      }
      node = it->second.get();
    }
  }
  auto& slot = node->endpoints[static_cast<int>(method)];
  if (slot) return fail("duplicate route (same as " + slot->pattern + ")");
  slot = Node::Endpoint{std::move(handler), pattern, std::move(param_names)};
  routes_.push_back({method, std::move(pattern)});
}

namespace {

// Depth-first search, literal edges before the parameter edge. Stops at the first node that
// has an endpoint for the method; remembers the first node that matched the path at all.
template <typename Node>
struct Search {
  const Segments& segments;
  Method method;
  std::array<std::string_view, kMaxSegments> values{};
  std::size_t value_count = 0;
  const typename Node::Endpoint* found = nullptr;  // on success `values` holds its params
  std::array<bool, kMethodCount> allowed{};
  const Node* first_path_node = nullptr;

  bool Run(const Node& node, std::size_t i) {
    if (i == segments.size) {
      if (const auto* e = node.For(method)) {
        found = e;
        return true;
      }
      if (node.Any() != nullptr) {
        if (first_path_node == nullptr) first_path_node = &node;
        for (int m = 0; m < kMethodCount; ++m) allowed[m] = allowed[m] || node.endpoints[m];
      }
      return false;
    }
    std::string_view seg = segments.items[i];
    if (auto it = node.literals.find(seg); it != node.literals.end()) {
      if (Run(*it->second, i + 1)) return true;
    }
    if (node.param) {
      values[value_count++] = seg;
      if (Run(*node.param, i + 1)) return true;
      --value_count;
    }
    return false;
  }
};

}  // namespace

Router::RouteResult Router::Route(Method method, std::string_view path) const {
  RouteResult result;
  Segments segments = Split(path);
  if (segments.overflow) return result;
  Search<Node> search{segments, method};
  if (search.Run(*root_, 0)) {
    const Node::Endpoint& e = *search.found;
    result.kind = RouteResult::Kind::kFound;
    result.route = e.pattern;
    result.match.handler = &e.handler;
    result.match.route = e.pattern;
    for (std::size_t i = 0; i < e.param_names.size(); ++i) {
      result.match.params.emplace(e.param_names[i], std::string(search.values[i]));
    }
    return result;
  }
  if (search.first_path_node != nullptr) {
    result.kind = RouteResult::Kind::kMethodNotAllowed;
    result.route = search.first_path_node->Any()->pattern;
    for (int m = 0; m < kMethodCount; ++m) {
      if (search.allowed[m]) result.allowed.push_back(static_cast<Method>(m));
    }
    if (search.allowed[static_cast<int>(Method::kGet)] &&
        !search.allowed[static_cast<int>(Method::kHead)]) {
      result.allowed.insert(result.allowed.begin() + 1, Method::kHead);
    }
  }
  return result;
}

std::string AllowHeaderValue(const std::vector<Method>& methods) {
  std::string out;
  for (Method m : methods) {
    if (!out.empty()) out += ", ";
    out += MethodName(m);
  }
  return out;
}

}  // namespace zl::http
