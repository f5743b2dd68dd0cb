// Result<T>: a value or the Status that explains why there is none.
//
// g++ 12 has no std::expected in C++20, so this is the project's own. A Result built from
// an OK Status is a programming error and is turned into an internal error.
#pragma once

#include <utility>
#include <variant>

#include "base/status.h"

namespace zl {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}        // NOLINT: implicit
  Result(Status status) : v_(std::in_place_index<1>, std::move(status)) {  // NOLINT: implicit
    if (std::get<1>(v_).ok()) v_ = Status::Internal("Result constructed from an OK status");
  }

  bool ok() const { return v_.index() == 0; }
  // The failure; an OK status when the result holds a value.
  Status status() const { return ok() ? Status() : std::get<1>(v_); }

  // Precondition: ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  T value_or(T fallback) const& { return ok() ? std::get<0>(v_) : std::move(fallback); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace zl

#define ZL_CONCAT_INNER_(a, b) a##b
#define ZL_CONCAT_(a, b) ZL_CONCAT_INNER_(a, b)

// `ZL_ASSIGN_OR_RETURN(auto x, Foo());` declares x from a Result or returns its Status.
#define ZL_ASSIGN_OR_RETURN(lhs, expr) \
  ZL_ASSIGN_OR_RETURN_IMPL_(ZL_CONCAT_(zl_result_, __LINE__), lhs, expr)
#define ZL_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
