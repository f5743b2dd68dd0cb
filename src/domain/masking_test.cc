// Tests of personal-information masking for public output.
#include "domain/masking.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

// 11010519491231002X is the GB 11643 standard's own example number.
constexpr const char* kId = "11010519491231002X";

TEST(MaskingTest, RecognisesResidentIdNumbers) {
  EXPECT_TRUE(IsResidentIdNumber(kId));
  EXPECT_TRUE(IsResidentIdNumber("11010519491231002x"));
  EXPECT_FALSE(IsResidentIdNumber("110105194912310021"));  // wrong check character
  EXPECT_FALSE(IsResidentIdNumber("914403001922038216"));  // a USCC, not an ID
}

TEST(MaskingTest, MasksIdAndPhoneNumbersInText) {
  EXPECT_EQ(MaskPersonalInfo(std::string("投诉人身份证") + kId + "，电话13812345678。"),
            "投诉人身份证110105********002X，电话138****5678。");
  EXPECT_EQ(MaskPersonalInfo("联系电话0311-87654321"), "联系电话0311-******21");
}

TEST(MaskingTest, LeavesCodesAndDocumentNumbersAlone) {
  const std::string text = "冀质监罚字〔2024〕12号 USCC 914403001922038216 批次20240512001";
  EXPECT_EQ(MaskPersonalInfo(text), text);
  EXPECT_EQ(MaskPersonalInfo("138123456789"), "138123456789");  // 12 digits: not a mobile
  EXPECT_EQ(MaskPersonalInfo("A13812345678"), "A13812345678");  // part of a code
}

TEST(MaskingTest, MasksNamesKeepingTheSurname) {
  EXPECT_EQ(MaskPersonName("王小明"), "王某某");
  EXPECT_EQ(MaskPersonName("李四"), "李某");
  EXPECT_EQ(MaskPersonName("张"), "张某");
  EXPECT_EQ(MaskPersonName("Li Si"), "L***");
  EXPECT_EQ(MaskPersonName(""), "");
}

}  // namespace
}  // namespace zl::domain
