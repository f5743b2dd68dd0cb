// Test support: a fresh, migrated database in a temporary folder, removed afterwards.
// Used by the store tests and by the API and HTTP integration tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"

namespace zl::store {

class TestDatabase {
 public:
  TestDatabase() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "zltest-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    url_ = "sqlite:" + dir_ + "/test.db";
    auto opened = Database::Open(url_);
    if (!opened.ok()) std::abort();
    db_ = std::move(opened).value();
  }
  ~TestDatabase() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string url_;
  std::unique_ptr<Database> db_;
};

}  // namespace zl::store
