// Streaming XML for the parts of an .xlsx file: a thin expat wrapper that strips namespace
// prefixes, refuses any DOCTYPE (OOXML never has one; refusing it rules out entity-expansion
// attacks) and can suspend after an element so a caller can pull one sheet row at a time.
#pragma once

#include <expat.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {

// Receives the parse events. Names are local names: "x:row" arrives as "row", since some
// generators prefix the SpreadsheetML namespace.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attrs` is expat's array: name, value, name, value, ..., nullptr.
  virtual void StartElement(std::string_view name, const char** attrs) = 0;
  virtual void EndElement(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
};

// The value of the attribute whose local name is `name` ("id" finds "r:id"), or nullptr.
const char* FindAttr(const char** attrs, std::string_view name);

// Parses one zip entry at a time in chunks. Every failure is InvalidArgument on field "file".
class XmlParser {
 public:
  // What ParseChunk and Resume report.
  enum class Progress { kNeedData, kSuspended, kDone };

  explicit XmlParser(XmlHandler& handler);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses the whole of entry `name`, which must not suspend.
  Status ParseEntry(ZipArchive& zip, const std::string& name, std::uint64_t max_size);

  // Reads the next chunk of the entry open in `zip` and parses it; kDone after the last one.
  Result<Progress> ParseChunk(ZipArchive& zip);
  // Continues after kSuspended.
  Result<Progress> Resume();

  // For handlers: stop after the current event, so that ParseChunk or Resume returns
  // kSuspended; or stop for good with `error`.
  void Suspend();
  void Fail(Status error);

 private:
  struct Callbacks;
  Result<Progress> Outcome(XML_Status status);

  XmlHandler& handler_;
  XML_Parser parser_;
  std::string part_;  // the entry being parsed, for messages
  bool final_ = false;
  Status error_;
};

}  // namespace zl::sheet
