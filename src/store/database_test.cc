#include "store/database.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>
#include <vector>

#include "store/test_database.h"

namespace zl::store {
namespace {

TEST(DatabaseUrl, ParsesBothBackendsAndMasksPasswords) {
  auto lite = DatabaseUrl::Parse("sqlite:data/z.db");
  ASSERT_TRUE(lite.ok());
  EXPECT_EQ(lite->backend, Backend::kSqlite);
  EXPECT_EQ(lite->target, "data/z.db");
  auto pg = DatabaseUrl::Parse("postgresql://zl:secret@127.0.0.1:5432/zl");
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg->backend, Backend::kPostgres);
  EXPECT_EQ(pg->display, "postgresql://zl:***@127.0.0.1:5432/zl");
  auto bad = DatabaseUrl::Parse("mysql://x");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "db");
  EXPECT_FALSE(DatabaseUrl::Parse("sqlite:").ok());
}

TEST(Database, UnopenableFileIsUnavailableWithTheUrl) {
  auto db = Database::Open("sqlite:/nonexistent-dir/sub/x.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(db.status().message().find("/nonexistent-dir/sub/x.db"), std::string::npos);
}

using DatabaseTest = BackendTest;

TEST_P(DatabaseTest, FailedWriteRollsBack) {
  Status s = db().Write([](soci::session& sql) {
    sql << "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT NOT NULL)";
    sql << "INSERT INTO note VALUES (1, 'kept?')";
    return Status::InvalidArgument("changed my mind", "body");
  });
  EXPECT_EQ(s.field(), "body");
  // The CREATE TABLE was rolled back too.
  Status read = db().Read([](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM note";
    return Status();
  });
  EXPECT_FALSE(read.ok());
}

TEST_P(DatabaseTest, ExceptionInsideWriteBecomesStatusAndRollsBack) {
  ASSERT_TRUE(db().Write([](soci::session& sql) {
                    sql << "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT NOT NULL)";
                    return Status();
                  })
                  .ok());
  Status s = db().Write([](soci::session& sql) {
    sql << "INSERT INTO note VALUES (1, 'a')";
    sql << "INSERT INTO note VALUES (1, 'b')";  // duplicate key throws
    return Status();
  });
  EXPECT_EQ(s.code(), Status::Code::kAlreadyExists) << s.ToString();
  long long n = -1;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    sql << "SELECT COUNT(*) FROM note", soci::into(n);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(n, 0);
}

// A write whose work checks references itself: whether it commits, fails or throws, the
// session checks foreign keys again afterwards.
TEST_P(DatabaseTest, ForeignKeysCheckedByWorkAreCheckedAgainAfterwards) {
  ASSERT_TRUE(db().Write([](soci::session& sql) {
                    sql << "CREATE TABLE parent (k TEXT PRIMARY KEY)";
                    sql << "CREATE TABLE child (k TEXT NOT NULL REFERENCES parent (k))";
                    sql << "INSERT INTO parent VALUES ('p')";
                    return Status();
                  })
                  .ok());
  const std::vector<Database::Work> works = {
      [](soci::session& sql) {
        sql << "INSERT INTO child VALUES ('p')";
        return Status();
      },
      [](soci::session& sql) {
        sql << "INSERT INTO child VALUES ('p')";
        return Status::InvalidArgument("changed my mind", "k");
      },
      [](soci::session& sql) {
        sql << "SELECT no_such_column FROM child";  // throws
        return Status();
      },
  };
  for (const Database::Work& work : works) {
    (void)db().Write(work, Database::Retry::kNever, Database::ForeignKeys::kCheckedByWork);
    for (int i = 0; i < 4; ++i) {  // whichever pooled session comes next
      Status orphan = db().Write([](soci::session& sql) {
        sql << "INSERT INTO child VALUES ('nobody')";
        return Status();
      });
      EXPECT_FALSE(orphan.ok());
      if (GetParam() == Backend::kSqlite) {
        int on = 0;
        ASSERT_TRUE(db().Read([&](soci::session& sql) {
                          sql << "PRAGMA foreign_keys", soci::into(on);
                          return Status();
                        })
                        .ok());
        EXPECT_EQ(on, 1);
      }
    }
  }
  long long children = -1;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    sql << "SELECT COUNT(*) FROM child", soci::into(children);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(children, 1);  // the first work's row; the failed ones were rolled back
}

TEST_P(DatabaseTest, ConcurrentWritersAllLand) {
  ASSERT_TRUE(db().Write([](soci::session& sql) {
                    sql << "CREATE TABLE hit (id BIGINT PRIMARY KEY)";
                    return Status();
                  })
                  .ok());
  std::vector<std::thread> threads;
  for (int th = 0; th < 8; ++th) {
    threads.emplace_back([&, th] {
      for (int i = 0; i < 25; ++i) {
        long long id = th * 1000 + i;
        Status s = db().Write([&](soci::session& sql) {
          sql << "INSERT INTO hit VALUES (:id)", soci::use(id);
          return Status();
        });
        EXPECT_TRUE(s.ok()) << s.ToString();
      }
    });
  }
  for (auto& th : threads) th.join();
  long long n = 0;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    sql << "SELECT COUNT(*) FROM hit", soci::into(n);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(n, 200);
}

TEST(Database, RefusedPostgresConnectionIsOneClearLine) {
  auto db = Database::Open("postgresql://zl:secret@127.0.0.1:1/zhiliang");
  ASSERT_FALSE(db.ok());
  Status status = db.status();
  const std::string& m = status.message();
  EXPECT_EQ(status.code(), Status::Code::kUnavailable);
  EXPECT_NE(m.find("postgresql://zl:***@127.0.0.1:1/zhiliang"), std::string::npos) << m;
  EXPECT_NE(m.find("port 1 failed"), std::string::npos) << m;
  EXPECT_NE(m.find("Connection refused"), std::string::npos) << m;
  EXPECT_EQ(m.find("secret"), std::string::npos) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << m;
}

long long CountEnterprises(Database& db, Status* status) {
  long long n = -1;
  *status = db.Read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM enterprise", soci::into(n);
    return Status();
  });
  return n;
}

using PostgresDatabaseTest = BackendTest;

TEST_P(PostgresDatabaseTest, LostConnectionsAreReopenedAndTheWorkRetried) {
  test_database().TerminateSessions();
  Status status;
  for (int i = 0; i < 6; ++i) {  // more calls than the pool has sessions
    EXPECT_EQ(CountEnterprises(db(), &status), 0);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
}

TEST_P(PostgresDatabaseTest, DatabaseAwayIsUnavailableAndRecovers) {
  test_database().SetAllowConnections(false);
  test_database().TerminateSessions();
  Status status;
  CountEnterprises(db(), &status);
  EXPECT_EQ(status.code(), Status::Code::kUnavailable) << status.ToString();
  test_database().SetAllowConnections(true);
  EXPECT_EQ(CountEnterprises(db(), &status), 0);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

ZL_INSTANTIATE_BACKEND_TESTS(DatabaseTest);
ZL_INSTANTIATE_POSTGRES_TESTS(PostgresDatabaseTest);

}  // namespace
}  // namespace zl::store
