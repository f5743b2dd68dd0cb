// Translation of SOCI and driver exceptions into Status, in one place for both backends.
#pragma once

#include <exception>
#include <string_view>

#include "base/status.h"

namespace zl::store {

// Maps an exception thrown by SOCI (or the standard library underneath) to a Status:
// unique-key violations become AlreadyExists, other constraint failures FailedPrecondition,
// lost or refused connections Unavailable, everything else Internal. `context` says what
// was being done ("applying migration 3").
Status StatusFromException(const std::exception& e, std::string_view context = {});

}  // namespace zl::store
