// Streaming the paragraphs out of word/document.xml with the sheet module's zip and XML
// readers, for docx_text.h.
#include "plan/docx_text.h"

#include <memory>

#include "sheet/xlsx_xml.h"
#include "sheet/xlsx_zip.h"

namespace zl::plan {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";

// Elements whose content is not the document's text: paragraph properties (their <w:tab>
// elements are tab stops), the fallback copy of a text box (mc:Fallback) and the old place of
// moved text (w:moveFrom).
bool Skipped(std::string_view name) {
  return name == "pPr" || name == "Fallback" || name == "moveFrom";
}

// Collects the text of <w:t> elements; a paragraph ends a line.
class ParagraphCollector : public sheet::XmlHandler {
 public:
  void StartElement(std::string_view name, const char**) override {
    if (Skipped(name)) ++skipped_;
    if (skipped_ > 0) return;
    if (name == "t") {
      in_text_ = true;
    } else if (name == "tab") {
      out_ += '\t';
    } else if (name == "br" || name == "cr") {
      out_ += '\n';
    }
  }
  void EndElement(std::string_view name) override {
    if (Skipped(name)) {
      --skipped_;
      return;
    }
    if (skipped_ > 0) return;
    if (name == "t") {
      in_text_ = false;
    } else if (name == "p") {
      out_ += '\n';
    }
  }
  void Text(std::string_view text) override {
    if (in_text_) out_ += text;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool in_text_ = false;
  int skipped_ = 0;
};

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

Result<std::string> DocxToText(std::string_view bytes) {
  ZL_ASSIGN_OR_RETURN(std::unique_ptr<sheet::ZipArchive> zip, sheet::ZipArchive::Open(bytes));
  if (!zip->Has(kDocumentPart)) {
    return Status::InvalidArgument(
        "the file is a zip archive but not a Word document: it has no word/document.xml", "file");
  }
  ParagraphCollector collector;
  sheet::XmlParser parser(collector);
  ZL_RETURN_IF_ERROR(parser.ParseEntry(*zip, kDocumentPart, kMaxDocxDocumentBytes));
  return collector.Take();
}

}  // namespace zl::plan
