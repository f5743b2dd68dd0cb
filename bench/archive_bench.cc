// archive_bench: latency of name search and of the credit file on a full-size archive.
//
//   archive_bench --db URL [--samples N] [--seed S]
//
// Samples N enterprises at random, takes a random two-character and four-character piece of
// each one's name as queries (so every query has matches, as real ones mostly do), and times
// page 1 of the search (20 per page, best matches first, with the total), with and without a
// region filter, and the public credit file of each sampled enterprise. Prints p50/p95/p99
// and the maximum per kind, in milliseconds. A first pass over other samples warms the cache.
// Results go to docs/PERFORMANCE.md; this is a measuring tool, not a test.
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "credit/credit_file.h"
#include "domain/name_search.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  std::string uscc, name, region;
};

void Die(const zl::Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "archive_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

// `matches` < 0: not a search (no total to show).
void Report(const char* what, std::vector<double> ms, double matches) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[static_cast<std::size_t>(p * (ms.size() - 1))]; };
  std::printf("%-32s n=%-5zu p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms", what, ms.size(),
              at(0.5), at(0.95), at(0.99), ms.back());
  if (matches >= 0) std::printf("   (mean total %.0f)", matches);
  std::printf("\n");
}

std::vector<Sample> Draw(zl::store::Database& db, int n, std::mt19937_64& rng) {
  std::vector<Sample> out;
  Die(db.Read([&](soci::session& sql) {
    // The first USCC at or after a random one: an index lookup on both backends, unlike
    // ORDER BY random() or a large OFFSET. Codes are spread over 9113xxxx…9113xxxx.
    static constexpr char kDigits[] = "0123456789";
    std::uniform_int_distribution<int> digit(0, 9);
    Sample s;
    while (static_cast<int>(out.size()) < n) {
      std::string from = "9113";
      for (int i = 0; i < 4; ++i) from += kDigits[digit(rng)];
      from.resize(18, '0');
      sql << "SELECT uscc, name, region_code FROM enterprise WHERE uscc >= :from ORDER BY uscc "
             "LIMIT 1",
          soci::use(from), soci::into(s.uscc), soci::into(s.name), soci::into(s.region);
      if (sql.got_data()) out.push_back(s);
    }
    return zl::Status();
  }));
  return out;
}

// A random piece of `length` characters of the name's search key.
std::string Piece(const std::string& name, std::size_t length, std::mt19937_64& rng) {
  std::vector<std::string> chars = zl::domain::KeyCharacters(zl::domain::NameSearchKey(name));
  if (chars.size() < length) return {};
  std::uniform_int_distribution<std::size_t> start(0, chars.size() - length);
  std::size_t at = start(rng);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += chars[at + i];
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int samples = 500;
  unsigned seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") url = argv[i + 1];
    if (flag == "--samples") samples = std::atoi(argv[i + 1]);
    if (flag == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  if (url.empty()) {
    std::fprintf(stderr, "usage: archive_bench --db URL [--samples N] [--seed S]\n");
    return 2;
  }
  auto db = zl::store::Database::Open(url, {.pool_size = 1});
  Die(db.status());
  zl::store::EnterpriseRepository repo(**db);
  std::mt19937_64 rng(seed);
  long long enterprises = 0, records = 0;
  Die((*db)->Read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM enterprise", soci::into(enterprises);
    sql << "SELECT COUNT(*) FROM credit_record", soci::into(records);
    return zl::Status();
  }));
  std::printf("archive: %lld enterprises, %lld records (%s)\n", enterprises, records, url.c_str());

  auto time_search = [&](const std::string& q, const std::string& region, double& total) {
    auto start = Clock::now();
    auto page = repo.List({.region_code = region, .name_contains = q}, {.page = 1, .per_page = 20});
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    Die(page.status());
    total += static_cast<double>(page->total);
    return ms;
  };
  auto time_file = [&](const std::string& uscc) {
    auto start = Clock::now();
    Die((*db)->Read([&](soci::session& sql) {
      return zl::credit::ReadCreditFile(sql, uscc, zl::credit::CreditView::kPublic,
                                        zl::Date::FromYmd(2026, 11, 27))
          .status();
    }));
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  };

  double ignored = 0;
  for (const Sample& s : Draw(**db, 50, rng)) {  // warm-up
    time_search(Piece(s.name, 2, rng), "", ignored);
    time_file(s.uscc);
  }
  std::vector<Sample> drawn = Draw(**db, samples, rng);
  for (std::size_t length : {2u, 4u}) {
    for (bool with_region : {false, true}) {
      std::vector<double> ms;
      double total = 0;
      for (const Sample& s : drawn) {
        std::string q = Piece(s.name, length, rng);
        if (q.empty()) continue;
        ms.push_back(time_search(q, with_region ? s.region : "", total));
      }
      std::string what =
          "search " + std::to_string(length) + " chars" + (with_region ? " + region" : "");
      Report(what.c_str(), ms, total / static_cast<double>(ms.size()));
    }
  }
  std::vector<double> ms;
  for (const Sample& s : drawn) ms.push_back(time_file(s.uscc));
  Report("credit file (public view)", ms, -1);
  return 0;
}
