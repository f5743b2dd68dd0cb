// Reading xl/sharedStrings.xml and the number formats of xl/styles.xml.
#include <charconv>
#include <string_view>
#include <unordered_map>

#include "sheet/xlsx_parts.h"
#include "sheet/xlsx_xml.h"

namespace zl::sheet {
namespace {

// <sst><si><t>text</t></si><si><r><t>rich</t></r><r><t> text</t></r><rPh>...</rPh></si></sst>
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStrings strings;

  void StartElement(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      current_.clear();
    } else if (name == "t") {
      in_t_ = in_si_ && rph_depth_ == 0;
    } else if (name == "rPh") {
      ++rph_depth_;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --rph_depth_;
    } else if (name == "si") {
      DecodeOoxmlEscapes(current_);
      strings.Add(current_);
      in_si_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_t_) current_.append(text);
  }

 private:
  bool in_si_ = false;
  bool in_t_ = false;
  int rph_depth_ = 0;
  std::string current_;
};

int ParseId(const char* text) {
  int v = -1;
  if (text == nullptr) return v;
  const std::string_view s(text);
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : -1;
}

// <numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>
// <cellXfs><xf numFmtId="14" .../></cellXfs>. numFmt elements elsewhere (conditional-format
// dxfs) and the xf elements of cellStyleXfs do not apply to cells directly.
class StylesHandler : public XmlHandler {
 public:
  std::unordered_map<int, NumberKind> custom;
  std::vector<int> xf_formats;

  void StartElement(std::string_view name, const char** attrs) override {
    if (name == "numFmts") {
      in_num_fmts_ = true;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "numFmt" && in_num_fmts_) {
      const int id = ParseId(FindAttr(attrs, "numFmtId"));
      const char* code = FindAttr(attrs, "formatCode");
      if (id >= 0 && code != nullptr) custom[id] = FormatCodeKind(code);
    } else if (name == "xf" && in_cell_xfs_) {
      xf_formats.push_back(ParseId(FindAttr(attrs, "numFmtId")));
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "numFmts") in_num_fmts_ = false;
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void Text(std::string_view) override {}

 private:
  bool in_num_fmts_ = false;
  bool in_cell_xfs_ = false;
};

}  // namespace

Result<SharedStrings> ReadSharedStrings(ZipArchive& zip, const std::string& path) {
  SharedStringsHandler handler;
  XmlParser parser(handler);
  ZL_RETURN_IF_ERROR(parser.ParseEntry(zip, path, kMaxPartSize));
  return std::move(handler.strings);
}

Result<std::vector<NumberKind>> ReadCellStyles(ZipArchive& zip, const std::string& path) {
  StylesHandler handler;
  XmlParser parser(handler);
  ZL_RETURN_IF_ERROR(parser.ParseEntry(zip, path, kMaxPartSize));
  std::vector<NumberKind> kinds;
  kinds.reserve(handler.xf_formats.size());
  for (int id : handler.xf_formats) {
    const auto it = handler.custom.find(id);
    kinds.push_back(it != handler.custom.end() ? it->second : BuiltinFormatKind(id));
  }
  return kinds;
}

}  // namespace zl::sheet
