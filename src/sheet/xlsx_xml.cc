// The expat callbacks and error reporting behind xlsx_xml.h.
#include "sheet/xlsx_xml.h"

#include <fmt/format.h>

namespace zl::sheet {
namespace {

constexpr int kChunkSize = 64 * 1024;

// One pass over the name: this runs for every element and attribute of a sheet, millions of
// times, where strrchr plus strlen showed up in profiles.
std::string_view LocalName(const char* name) {
  const char* start = name;
  const char* p = name;
  for (; *p != '\0'; ++p) {
    if (*p == ':') start = p + 1;
  }
  return std::string_view(start, static_cast<size_t>(p - start));
}

}  // namespace

// expat's user data is the XmlParser; events go on to its handler.
struct XmlParser::Callbacks {
  static XmlParser& Of(void* data) { return *static_cast<XmlParser*>(data); }
  static void Start(void* data, const XML_Char* name, const XML_Char** attrs) {
    Of(data).handler_.StartElement(LocalName(name), attrs);
  }
  static void End(void* data, const XML_Char* name) {
    Of(data).handler_.EndElement(LocalName(name));
  }
  static void Chars(void* data, const XML_Char* text, int len) {
    Of(data).handler_.Text(std::string_view(text, static_cast<size_t>(len)));
  }
  static void Doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    XmlParser& self = Of(data);
    self.Fail(Status::InvalidArgument(
        fmt::format("{} has a DOCTYPE declaration, which .xlsx files never have; the file is "
                    "refused",
                    self.part_),
        "file"));
  }
};

const char* FindAttr(const char** attrs, std::string_view name) {
  for (; attrs[0] != nullptr; attrs += 2) {
    if (LocalName(attrs[0]) == name) return attrs[1];
  }
  return nullptr;
}

XmlParser::XmlParser(XmlHandler& handler) : handler_(handler), parser_(XML_ParserCreate("UTF-8")) {
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, Callbacks::Start, Callbacks::End);
  XML_SetCharacterDataHandler(parser_, Callbacks::Chars);
  XML_SetStartDoctypeDeclHandler(parser_, Callbacks::Doctype);
}

XmlParser::~XmlParser() { XML_ParserFree(parser_); }

Status XmlParser::ParseEntry(ZipArchive& zip, const std::string& name, std::uint64_t max_size) {
  ZL_RETURN_IF_ERROR(zip.OpenEntry(name, max_size));
  while (true) {
    ZL_ASSIGN_OR_RETURN(Progress progress, ParseChunk(zip));
    if (progress == Progress::kDone) return Status::Ok();
    if (progress == Progress::kSuspended) {
      return Status::Internal("XmlParser::ParseEntry: the handler suspended the parse");
    }
  }
}

Result<XmlParser::Progress> XmlParser::ParseChunk(ZipArchive& zip) {
  if (part_.empty()) part_ = zip.entry_name();
  void* buffer = XML_GetBuffer(parser_, kChunkSize);
  if (buffer == nullptr) return Status::Internal("expat could not allocate a buffer");
  ZL_ASSIGN_OR_RETURN(size_t n, zip.Read(static_cast<char*>(buffer), kChunkSize));
  final_ = n == 0;
  return Outcome(XML_ParseBuffer(parser_, static_cast<int>(n), final_));
}

Result<XmlParser::Progress> XmlParser::Resume() { return Outcome(XML_ResumeParser(parser_)); }

void XmlParser::Suspend() { XML_StopParser(parser_, XML_TRUE); }

void XmlParser::Fail(Status error) {
  if (error_.ok()) error_ = std::move(error);
  XML_StopParser(parser_, XML_FALSE);
}

Result<XmlParser::Progress> XmlParser::Outcome(XML_Status status) {
  switch (status) {
    case XML_STATUS_SUSPENDED:
      return Progress::kSuspended;
    case XML_STATUS_OK:
      return final_ ? Progress::kDone : Progress::kNeedData;
    case XML_STATUS_ERROR:
      break;
  }
  if (!error_.ok()) return error_;
  return Status::InvalidArgument(
      fmt::format("{} is not well-formed XML at line {}, column {}: {}", part_,
                  XML_GetCurrentLineNumber(parser_), XML_GetCurrentColumnNumber(parser_),
                  XML_ErrorString(XML_GetErrorCode(parser_))),
      "file");
}

}  // namespace zl::sheet
