// The text of a Word .docx file, one line per paragraph, for reading a plan document that was
// uploaded as Word. Only word/document.xml is read: the text of its <w:t> runs, <w:tab/> as a
// tab and <w:br/>/<w:cr/> as a line break. Deleted text of tracked changes (<w:delText>, and
// the old place of moved text), field codes (<w:instrText>) and the fallback copy of a text box
// (mc:Fallback) are not text. Numbering that Word generates from a list style
// ("一、" drawn by numbering.xml) is not in document.xml and is not seen; a plan whose headings
// are such lists must have them typed in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::plan {

// The largest word/document.xml read (uncompressed); a bigger one is refused.
inline constexpr std::uint64_t kMaxDocxDocumentBytes = 64ull << 20;

// True when `bytes` start like a zip archive ("PK\x03\x04"), as every .docx does.
bool LooksLikeZip(std::string_view bytes);

// The paragraphs of the .docx in `bytes`, each followed by '\n'. Fails with InvalidArgument on
// the field "file" for a damaged zip, a zip without word/document.xml (not a Word document),
// XML that is not well-formed, or a document.xml over kMaxDocxDocumentBytes.
Result<std::string> DocxToText(std::string_view bytes);

}  // namespace zl::plan
