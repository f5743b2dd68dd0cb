// Turning .xlsx cell values into the text a person sees: numbers in short form, date-formatted
// serial numbers as ISO dates, and the _xHHHH_ escapes OOXML uses for control characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace zl::sheet {

// What a number format makes of a number. Only the kind matters: imports want ISO dates and
// plain numbers, not the locale-specific look of the format.
enum class NumberKind : std::uint8_t { kNumber, kDate, kTime, kDateTime };

// The kind of built-in format `id`: 14–17 dates, 18–21 times, 22 date-time, 45–47 times, and
// the East Asian built-ins 27–36 and 50–58 (yyyy"年"m"月"d"日" and friends, which Chinese Excel
// does not write into styles.xml).
NumberKind BuiltinFormatKind(int id);

// The kind of a custom format code: a date when d or y appears outside quotes, brackets and
// escapes, a time when h or s does (or [h], [m], [s]), and m alone means month.
NumberKind FormatCodeKind(std::string_view code);

// Replaces `out` with the text of a numeric cell whose stored value is `value` (e.g. "130200",
// "1.30200E5", "0.1"). kNumber: integers without a fraction or exponent ("130200"), other
// numbers in their shortest round-trip form. kDate: "YYYY-MM-DD" from the Excel serial
// (1900 system with its fake 1900-02-29 as serial 60, or the 1904 system). kDateTime: the
// date, plus " HH:MM:SS" when the time is not midnight. kTime: "HH:MM:SS" for serials below
// one day. A serial outside 0001–9999 or text that is not a number is returned as it is.
void FormatNumberCell(std::string_view value, NumberKind kind, bool date1904, std::string& out);

// Decodes OOXML's _xHHHH_ escapes (e.g. "_x000D_" for a carriage return) in place.
void DecodeOoxmlEscapes(std::string& text);

}  // namespace zl::sheet
