// Tests for reading department lists: the endings and tails the plans use, lead and
// cooperating units with either width of punctuation, the lead-first note, and the
// parenthesised texts that are not department lists.
#include "plan/plan_departments.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

using V = std::vector<std::string>;

TEST(DepartmentListTest, EndingsAndTails) {
  DepartmentList l =
      ParseDepartmentList("省农业厅、省人力资源社会保障厅、省工商局等部门按职责分工负责");
  EXPECT_EQ(l.departments, (V{"省农业厅", "省人力资源社会保障厅", "省工商局"}));
  EXPECT_FALSE(l.lead);
  EXPECT_FALSE(l.lead_first_note);

  EXPECT_EQ(ParseDepartmentList("省质监局、省统计局等按职责分工负责").departments,
            (V{"省质监局", "省统计局"}));
  EXPECT_EQ(ParseDepartmentList("省质监局、省商务厅负责落实").departments,
            (V{"省质监局", "省商务厅"}));
  EXPECT_EQ(ParseDepartmentList("省质监局、省商务厅等单位负责").departments,
            (V{"省质监局", "省商务厅"}));
  EXPECT_EQ(ParseDepartmentList("省质监局负责").departments, (V{"省质监局"}));
  EXPECT_EQ(ParseDepartmentList("省质监局会同省工商局负责").departments,
            (V{"省质监局", "省工商局"}));
  EXPECT_EQ(ParseDepartmentList("省质监局、省工业和信息化厅等").departments,
            (V{"省质监局", "省工业和信息化厅"}));
}

TEST(DepartmentListTest, LeadAndCooperatingUnits) {
  for (const char* text : {"牵头单位：省质监局、省工商局；配合单位：省商务厅、省公安厅",
                           "牵头单位:省质监局、省工商局;配合单位:省商务厅、省公安厅",
                           "牵头单位：省质监局、省工商局;配合单位:省商务厅、省公安厅",
                           "牵头部门：省质监局、省工商局；配合部门：省商务厅、省公安厅等部门"}) {
    DepartmentList l = ParseDepartmentList(text);
    EXPECT_EQ(l.departments, (V{"省质监局", "省工商局", "省商务厅", "省公安厅"})) << text;
    EXPECT_EQ(l.lead, "省质监局") << text;
  }
  // Cooperating units named first still come after the leads.
  DepartmentList l = ParseDepartmentList("配合单位：省商务厅；牵头单位：省质监局");
  EXPECT_EQ(l.departments, (V{"省质监局", "省商务厅"}));
  EXPECT_EQ(l.lead, "省质监局");

  l = ParseDepartmentList("省科技厅牵头，省质监局、省财政厅配合");
  EXPECT_EQ(l.departments, (V{"省科技厅", "省质监局", "省财政厅"}));
  EXPECT_EQ(l.lead, "省科技厅");

  l = ParseDepartmentList("省商务厅、省质监局（牵头）、省工商局");
  EXPECT_EQ(l.departments, (V{"省质监局", "省商务厅", "省工商局"}));
  EXPECT_EQ(l.lead, "省质监局");
}

TEST(DepartmentListTest, NamesAreNormalised) {
  DepartmentList l =
      ParseDepartmentList(" 省 质监局 、省ＸＸ局 , 省质监局、河北　出入境检验检疫局 ");
  EXPECT_EQ(l.departments, (V{"省质监局", "省XX局", "河北出入境检验检疫局"}));
  EXPECT_EQ(NormalizeDepartmentName("省　质监局"), "省质监局");
  EXPECT_EQ(NormalizeDepartmentName("省ＸＸ局"), "省XX局");
}

TEST(DepartmentListTest, LeadFirstNote) {
  EXPECT_TRUE(IsLeadFirstNote("列第一位者为牵头部门"));
  EXPECT_TRUE(IsLeadFirstNote("注：排在第一位的为牵头单位。"));
  EXPECT_TRUE(IsLeadFirstNote("排名首位的部门牵头"));
  EXPECT_FALSE(IsLeadFirstNote("省质监局牵头"));
  EXPECT_FALSE(IsLeadFirstNote("第一批示范企业"));

  DepartmentList l = ParseDepartmentList("省质监局、省工商局按职责分工负责，列第一位者为牵头部门");
  EXPECT_TRUE(l.lead_first_note);
  EXPECT_EQ(l.departments, (V{"省质监局", "省工商局"}));
  EXPECT_FALSE(l.lead);  // the parser applies the note
}

TEST(DepartmentListTest, WhatLooksLikeAList) {
  EXPECT_TRUE(LooksLikeDepartmentList("省质监局、省公安厅等部门按职责分工负责"));
  EXPECT_TRUE(LooksLikeDepartmentList("牵头单位：省质监局"));
  EXPECT_TRUE(LooksLikeDepartmentList("省质监局、省统计局"));
  EXPECT_TRUE(LooksLikeDepartmentList("省政府新闻办"));
  EXPECT_FALSE(LooksLikeDepartmentList("2012-2020年"));
  EXPECT_FALSE(LooksLikeDepartmentList("市、区"));
  EXPECT_FALSE(LooksLikeDepartmentList("园区"));
  EXPECT_FALSE(LooksLikeDepartmentList("小建议、小革新、小攻关、小发明、小创造"));
  EXPECT_FALSE(LooksLikeDepartmentList("国办发〔2014〕18号"));
  EXPECT_FALSE(LooksLikeDepartmentList(""));
}

}  // namespace
}  // namespace zl::plan
