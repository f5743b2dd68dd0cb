// Static file serving: content types, cache headers, SPA fallback and path-escape refusals.
#include "http/static_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace zl::http {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class StaticFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "zl-static-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    base_ = tmpl;
    root_ = base_ / "dist";
    WriteFile(root_ / "index.html", "<html>app</html>");
    WriteFile(root_ / "assets" / "app.js", "console.log(1)");
    WriteFile(root_ / "favicon.ico", "ico");
    WriteFile(root_ / "docs" / "index.html", "docs");
    WriteFile(root_ / ".env", "TOKEN=1");
    WriteFile(base_ / "secret.txt", "TOP SECRET");
    WriteFile(base_ / "dist-old" / "x.txt", "OLD SECRET");
    fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
    fs::create_symlink(base_ / "dist-old" / "x.txt", root_ / "sibling.txt");
    auto files = StaticFiles::Open(root_.string());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_.emplace(std::move(*files));
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_, root_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCacheHeaders) {
  Response index = files_->Serve("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<html>app</html>");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");

  Response js = files_->Serve("/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");

  Response ico = files_->Serve("/favicon.ico");
  EXPECT_EQ(ico.content_type, "image/x-icon");
  EXPECT_EQ(ico.Header("Cache-Control"), "no-cache");
  EXPECT_EQ(files_->Serve("/docs/").body, "docs");
  EXPECT_EQ(files_->Serve("/index.html").Header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, SpaFallbackOnlyForExtensionlessPaths) {
  Response route = files_->Serve("/enterprises/91130000MA0A1B2C3D");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, "<html>app</html>");
  EXPECT_EQ(route.Header("Cache-Control"), "no-cache");
  EXPECT_EQ(files_->Serve("/missing.js").status, 404);
  EXPECT_EQ(files_->Serve("/assets/missing.css").status, 404);
  EXPECT_EQ(files_->Serve("/missing.js").content_type, "application/problem+json");
}

TEST_F(StaticFilesTest, RefusesEverythingOutsideTheRoot) {
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/..", "/../", "/./index.html", "/.env",
        "/link.txt", "/sibling.txt", "/../dist-old/x.txt", "/assets/..", "relative.txt", ""}) {
    Response r = files_->Serve(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("TOKEN"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, OpenFailsForAMissingRoot) {
  auto missing = StaticFiles::Open((base_ / "nope").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "static_root");
  EXPECT_FALSE(StaticFiles::Open((root_ / "index.html").string()).ok());
}

TEST(ContentTypeForFile, KnowsTheWebTypes) {
  EXPECT_EQ(ContentTypeForFile("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeForFile("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeForFile("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeForFile("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeForFile("a.PNG"), "image/png");
  EXPECT_EQ(ContentTypeForFile("a.json"), "application/json");
  EXPECT_EQ(ContentTypeForFile("a.js.map"), "application/json");
  EXPECT_EQ(ContentTypeForFile("font.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeForFile("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(ContentTypeForFile("blob"), "application/octet-stream");
  EXPECT_EQ(ContentTypeForFile("x.exe"), "application/octet-stream");
}

}  // namespace
}  // namespace zl::http
