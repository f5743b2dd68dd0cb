// Finding the first worksheet of an .xlsx: _rels/.rels → workbook.xml → its relationships.
#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "sheet/xlsx_parts.h"
#include "sheet/xlsx_xml.h"

namespace zl::sheet {
namespace {

struct Relationship {
  std::string id, type, target;
};

// Collects the <Relationship> elements of a .rels part.
class RelsHandler : public XmlHandler {
 public:
  std::vector<Relationship> rels;

  void StartElement(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* mode = FindAttr(attrs, "TargetMode");
    if (mode != nullptr && std::string_view(mode) == "External") return;
    const char* id = FindAttr(attrs, "Id");
    const char* type = FindAttr(attrs, "Type");
    const char* target = FindAttr(attrs, "Target");
    if (id && type && target) rels.push_back({id, type, target});
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
};

// The workbook's date system and its sheets' relationship ids in tab order.
class WorkbookHandler : public XmlHandler {
 public:
  std::vector<std::string> sheet_ids;
  bool date1904 = false;

  void StartElement(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = FindAttr(attrs, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      if (const char* id = FindAttr(attrs, "id")) sheet_ids.emplace_back(id);
    }
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The zip entry name of `target`, relative to the folder `base` ("xl/") unless absolute,
// with "." and ".." segments resolved.
std::string ResolveTarget(std::string_view base, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                               : std::string(base) + std::string(target);
  std::vector<std::string_view> parts;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
  }
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out.push_back('/');
    out.append(p);
  }
  return out;
}

// The relationships file of part `path`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string RelsPathOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : path.substr(0, slash + 1);
  return fmt::format("{}_rels/{}.rels", dir, path.substr(dir.size()));
}

Result<std::vector<Relationship>> ReadRels(ZipArchive& zip, const std::string& path) {
  RelsHandler handler;
  if (!zip.Has(path)) return handler.rels;
  XmlParser parser(handler);
  ZL_RETURN_IF_ERROR(parser.ParseEntry(zip, path, kMaxPartSize));
  return handler.rels;
}

}  // namespace

Result<WorkbookInfo> ReadWorkbookInfo(ZipArchive& zip) {
  std::string workbook_path = "xl/workbook.xml";
  ZL_ASSIGN_OR_RETURN(const std::vector<Relationship> package_rels, ReadRels(zip, "_rels/.rels"));
  for (const Relationship& r : package_rels) {
    if (EndsWith(r.type, "/officeDocument")) workbook_path = ResolveTarget("", r.target);
  }
  if (!zip.Has(workbook_path)) {
    return Status::InvalidArgument(
        "not a valid .xlsx file: it has no workbook (is it a .docx or another zip file?)", "file");
  }
  WorkbookHandler workbook;
  XmlParser parser(workbook);
  ZL_RETURN_IF_ERROR(parser.ParseEntry(zip, workbook_path, kMaxPartSize));

  const std::string_view dir =
      std::string_view(workbook_path).substr(0, workbook_path.rfind('/') + 1);
  ZL_ASSIGN_OR_RETURN(const std::vector<Relationship> rels,
                      ReadRels(zip, RelsPathOf(workbook_path)));
  WorkbookInfo info;
  info.date1904 = workbook.date1904;
  for (const Relationship& r : rels) {
    if (EndsWith(r.type, "/sharedStrings")) info.shared_strings_path = ResolveTarget(dir, r.target);
    if (EndsWith(r.type, "/styles")) info.styles_path = ResolveTarget(dir, r.target);
  }
  // The first sheet in tab order that is a worksheet (not a chart sheet or a macro sheet).
  for (const std::string& id : workbook.sheet_ids) {
    for (const Relationship& r : rels) {
      if (r.id == id && EndsWith(r.type, "/worksheet")) {
        info.sheet_path = ResolveTarget(dir, r.target);
        return info;
      }
    }
  }
  return Status::InvalidArgument("the .xlsx file has no worksheet", "file");
}

}  // namespace zl::sheet
