// Status: the outcome of an operation that can fail, without exceptions.
//
// An OK status carries nothing and costs one null pointer. A failure carries a code that
// says what kind of failure it is (so the HTTP layer can choose 400, 404, 409, 503, ...),
// a human message, and optionally the name of the input field that caused it (so an API
// error and a CLI message can name the offending field). Modelled on leveldb::Status.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace zl {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,     // the caller's input is wrong; names a field where it can
    kNotFound,            // the thing asked for does not exist
    kAlreadyExists,       // a unique key is taken
    kFailedPrecondition,  // the state does not allow the operation now
    kPermissionDenied,    // the caller may not do this
    kUnauthenticated,     // the caller is not known
    kResourceExhausted,   // a size or rate limit was exceeded
    kUnavailable,         // a dependency (database, network) is down; retrying may help
    kIoError,             // reading or writing a file failed
    kInternal,            // a bug or an unexpected library failure
  };

  Status() = default;  // OK
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message, std::string field = {}) {
    return Status(Code::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status NotFound(std::string message) {
    return Status(Code::kNotFound, std::move(message));
  }
  static Status AlreadyExists(std::string message, std::string field = {}) {
    return Status(Code::kAlreadyExists, std::move(message), std::move(field));
  }
  static Status FailedPrecondition(std::string message) {
    return Status(Code::kFailedPrecondition, std::move(message));
  }
  static Status PermissionDenied(std::string message) {
    return Status(Code::kPermissionDenied, std::move(message));
  }
  static Status Unauthenticated(std::string message) {
    return Status(Code::kUnauthenticated, std::move(message));
  }
  static Status ResourceExhausted(std::string message) {
    return Status(Code::kResourceExhausted, std::move(message));
  }
  static Status Unavailable(std::string message) {
    return Status(Code::kUnavailable, std::move(message));
  }
  static Status IoError(std::string message) { return Status(Code::kIoError, std::move(message)); }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message));
  }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  // The human-readable message; empty when OK.
  const std::string& message() const;
  // The input field the failure is about; empty when none applies.
  const std::string& field() const;

  // Returns a copy whose message is prefixed with `context` (e.g. "row 12: ").
  Status WithContext(std::string_view context) const;
  // "OK", or "<code name>: [field: ]message".
  std::string ToString() const;
  static const char* CodeName(Code code);

 private:
  struct State {
    Code code;
    std::string message;
    std::string field;
  };
  Status(Code code, std::string message, std::string field = {});

  std::unique_ptr<State> state_;
};

}  // namespace zl

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define ZL_RETURN_IF_ERROR(expr)                     \
  do {                                               \
    ::zl::Status zl_status_tmp_ = (expr);            \
    if (!zl_status_tmp_.ok()) return zl_status_tmp_; \
  } while (0)
