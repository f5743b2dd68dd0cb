// Status implementation: deep copy of the failure state and its text form.
#include "base/status.h"

namespace zl {

namespace {
const std::string kEmpty;
}

Status::Status(Code code, std::string message, std::string field)
    : state_(code == Code::kOk
                 ? nullptr
                 : std::make_unique<State>(State{code, std::move(message), std::move(field)})) {}

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}

const std::string& Status::message() const { return state_ ? state_->message : kEmpty; }
const std::string& Status::field() const { return state_ ? state_->field : kEmpty; }

Status Status::WithContext(std::string_view context) const {
  if (ok()) return Status();
  return Status(state_->code, std::string(context) + state_->message, state_->field);
}

const char* Status::CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      return "invalid argument";
    case Code::kNotFound:
      return "not found";
    case Code::kAlreadyExists:
      return "already exists";
    case Code::kFailedPrecondition:
      return "failed precondition";
    case Code::kPermissionDenied:
      return "permission denied";
    case Code::kUnauthenticated:
      return "unauthenticated";
    case Code::kResourceExhausted:
      return "resource exhausted";
    case Code::kUnavailable:
      return "unavailable";
    case Code::kIoError:
      return "I/O error";
    case Code::kInternal:
      return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = CodeName(state_->code);
  out += ": ";
  if (!state_->field.empty()) {
    out += state_->field;
    out += ": ";
  }
  out += state_->message;
  return out;
}

}  // namespace zl
