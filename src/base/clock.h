// Wall-clock timestamps as the project stores them: ISO-8601 UTC text with second precision,
// "2026-11-26T23:59:00Z", which sorts and compares correctly as text on both backends.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zl {

using SystemTime = std::chrono::system_clock::time_point;

std::string IsoUtc(SystemTime t);
inline std::string NowIsoUtc() { return IsoUtc(std::chrono::system_clock::now()); }

// Parses what IsoUtc writes. InvalidArgument otherwise.
Result<SystemTime> ParseIsoUtc(std::string_view text);

}  // namespace zl
