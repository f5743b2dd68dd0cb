// Tests for encoding names, UTF-8/GBK detection and decoding with byte offsets of bad input.
#include "base/text_encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace zl {
namespace {

// "唐山钢铁" in GBK, written out by hand: 唐=CCC6 山=C9BD 钢=B8D6 铁=CCFA.
const std::string kTangshanGbk = "\xCC\xC6\xC9\xBD\xB8\xD6\xCC\xFA";

// Encodes UTF-8 to GBK with ICU itself, so the literal above is checked independently.
std::string EncodeGbkWithIcu(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  char buf[256];
  const int32_t n = ucnv_convert("GBK", "UTF-8", buf, sizeof(buf), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  return std::string(buf, U_SUCCESS(err) ? n : 0);
}

TEST(TextEncoding, ParsesNamesIgnoringCase) {
  EXPECT_EQ(*ParseTextEncoding("utf-8"), TextEncoding::kUtf8);
  EXPECT_EQ(*ParseTextEncoding("UTF8"), TextEncoding::kUtf8);
  EXPECT_EQ(*ParseTextEncoding("GBK"), TextEncoding::kGbk);
  EXPECT_EQ(*ParseTextEncoding("gb18030"), TextEncoding::kGbk);
  Result<TextEncoding> bad = ParseTextEncoding("latin1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "encoding");
  EXPECT_FALSE(ParseTextEncoding("").ok());
}

TEST(TextEncoding, GbkLiteralMatchesIcu) { EXPECT_EQ(EncodeGbkWithIcu("唐山钢铁"), kTangshanGbk); }

TEST(TextEncoding, DetectsUtf8AndGbk) {
  EXPECT_EQ(DetectEncoding(""), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("name,code\n"), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("唐山钢铁,1\n"), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBF"
                           "a,b"),
            TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding(kTangshanGbk + ",1\r\n"), TextEncoding::kGbk);
}

TEST(TextEncoding, DecodesUtf8AndStripsBom) {
  EXPECT_EQ(*DecodeToUtf8("\xEF\xBB\xBF唐山钢铁,1", TextEncoding::kUtf8), "唐山钢铁,1");
  EXPECT_EQ(*DecodeToUtf8("abc", TextEncoding::kUtf8), "abc");
  EXPECT_EQ(*DecodeToUtf8("", TextEncoding::kUtf8), "");
  EXPECT_EQ(*DecodeToUtf8("\xEF\xBB\xBF", TextEncoding::kUtf8), "");
}

TEST(TextEncoding, InvalidUtf8NamesByteOffset) {
  Result<std::string> r = DecodeToUtf8("ab\xE5\x94x", TextEncoding::kUtf8);  // truncated 唐
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "encoding");
  EXPECT_NE(r.status().message().find("byte offset 2"), std::string::npos) << r.status().message();
  // The offset counts the BOM, so it points into the bytes the user uploaded.
  r = DecodeToUtf8(
      "\xEF\xBB\xBF"
      "a\xFF",
      TextEncoding::kUtf8);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("byte offset 4"), std::string::npos) << r.status().message();
}

TEST(TextEncoding, DecodesGbk) {
  Result<std::string> r = DecodeToUtf8(kTangshanGbk + ",A1\r\n", TextEncoding::kGbk);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "唐山钢铁,A1\r\n");
  // Round trip through ICU's own encoder, including full-width punctuation.
  const std::string text = "河北省（石家庄）质量兴省，２０２４";
  EXPECT_EQ(*DecodeToUtf8(EncodeGbkWithIcu(text), TextEncoding::kGbk), text);
  EXPECT_EQ(*DecodeToUtf8("", TextEncoding::kGbk), "");
}

TEST(TextEncoding, InvalidGbkNamesByteOffset) {
  // 0xFF is never a GBK/GB18030 byte.
  Result<std::string> r = DecodeToUtf8("ab" + kTangshanGbk + "\xFF" + "cd", TextEncoding::kGbk);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "encoding");
  EXPECT_NE(r.status().message().find("byte offset 10"), std::string::npos) << r.status().message();
  // A lead byte followed by a byte that cannot trail it.
  r = DecodeToUtf8("x\xCC\x20", TextEncoding::kGbk);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("byte offset 1"), std::string::npos) << r.status().message();
  // A lead byte cut off at the end of the input.
  r = DecodeToUtf8("\xCC\xC6\xC9", TextEncoding::kGbk);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("byte offset 2"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace zl
