// The assessment tables and the task-inputs query (see assessment_tables.h).
#include "store/assessment_tables.h"

#include <soci/soci.h>

namespace zl::store {

Result<std::optional<AssessmentSystemRow>> FindAssessmentSystem(soci::session& sql,
                                                                std::int64_t year) {
  long long key = year;
  AssessmentSystemRow row;
  sql << "SELECT definition, loaded_by, loaded_at FROM assessment_system WHERE year = :y",
      soci::into(row.definition), soci::into(row.loaded_by), soci::into(row.loaded_at),
      soci::use(key);
  if (!sql.got_data()) return std::optional<AssessmentSystemRow>();
  row.year = year;
  return std::optional<AssessmentSystemRow>(std::move(row));
}

Status SaveAssessmentSystem(soci::session& sql, const AssessmentSystemRow& row) {
  long long year = row.year;
  sql << "INSERT INTO assessment_system (year, definition, loaded_by, loaded_at) "
         "VALUES (:y, :d, :by, :at) ON CONFLICT (year) DO UPDATE SET "
         "definition = excluded.definition, loaded_by = excluded.loaded_by, "
         "loaded_at = excluded.loaded_at",
      soci::use(year), soci::use(row.definition), soci::use(row.loaded_by),
      soci::use(row.loaded_at);
  return Status();
}

Status UpsertAssessmentFigure(soci::session& sql, const AssessmentFigureRow& row) {
  long long year = row.year;
  double value = row.value;
  sql << "INSERT INTO assessment_figure (year, region_code, indicator, value, note, entered_by, "
         "entered_at) VALUES (:y, :r, :i, :v, :n, :by, :at) "
         "ON CONFLICT (year, region_code, indicator) DO UPDATE SET value = excluded.value, "
         "note = excluded.note, entered_by = excluded.entered_by, "
         "entered_at = excluded.entered_at",
      soci::use(year), soci::use(row.region_code), soci::use(row.indicator), soci::use(value),
      soci::use(row.note), soci::use(row.entered_by), soci::use(row.entered_at);
  return Status();
}

Result<std::vector<AssessmentFigureRow>> ListAssessmentFigures(soci::session& sql,
                                                               std::int64_t year,
                                                               const std::string& region_code) {
  long long key = year;
  AssessmentFigureRow row;
  soci::statement st =
      (sql.prepare << "SELECT region_code, indicator, value, note, entered_by, entered_at FROM "
                      "assessment_figure WHERE year = :y AND (:r = '' OR region_code = :r2) "
                      "ORDER BY region_code, indicator",
       soci::into(row.region_code), soci::into(row.indicator), soci::into(row.value),
       soci::into(row.note), soci::into(row.entered_by), soci::into(row.entered_at), soci::use(key),
       soci::use(region_code), soci::use(region_code));
  st.execute();
  std::vector<AssessmentFigureRow> out;
  while (st.fetch()) {
    row.year = year;
    out.push_back(row);
  }
  return out;
}

Status ReplaceAssessmentResults(soci::session& sql, std::int64_t year,
                                std::span<const AssessmentResultRow> rows) {
  long long key = year;
  sql << "DELETE FROM assessment_result WHERE year = :y", soci::use(key);
  for (const AssessmentResultRow& r : rows) {
    long long rank = r.rank, vetoed = r.vetoed ? 1 : 0;
    double total = r.total;
    sql << "INSERT INTO assessment_result (year, region_code, total, grade, rank, vetoed, sheet, "
           "as_of, run_by, run_at) VALUES (:y, :r, :t, :g, :rank, :v, :s, :as_of, :by, :at)",
        soci::use(key), soci::use(r.region_code), soci::use(total), soci::use(r.grade),
        soci::use(rank), soci::use(vetoed), soci::use(r.sheet), soci::use(r.as_of),
        soci::use(r.run_by), soci::use(r.run_at);
  }
  return Status();
}

namespace {

// The results of `year` (one region's when `region_code` is not empty), in rank order.
std::vector<AssessmentResultRow> FetchResults(soci::session& sql, std::int64_t year,
                                              const std::string& region_code) {
  long long key = year, rank = 0, vetoed = 0;
  AssessmentResultRow row;
  soci::statement st =
      (sql.prepare << "SELECT region_code, total, grade, rank, vetoed, sheet, as_of, run_by, "
                      "run_at FROM assessment_result WHERE year = :y "
                      "AND (:r = '' OR region_code = :r2) ORDER BY rank, region_code",
       soci::into(row.region_code), soci::into(row.total), soci::into(row.grade), soci::into(rank),
       soci::into(vetoed), soci::into(row.sheet), soci::into(row.as_of), soci::into(row.run_by),
       soci::into(row.run_at), soci::use(key), soci::use(region_code), soci::use(region_code));
  st.execute();
  std::vector<AssessmentResultRow> out;
  while (st.fetch()) {
    row.year = year;
    row.rank = rank;
    row.vetoed = vetoed != 0;
    out.push_back(row);
  }
  return out;
}

}  // namespace

Result<std::vector<AssessmentResultRow>> ListAssessmentResults(soci::session& sql,
                                                               std::int64_t year) {
  return FetchResults(sql, year, "");
}

Result<std::optional<AssessmentResultRow>> FindAssessmentResult(soci::session& sql,
                                                                std::int64_t year,
                                                                const std::string& region_code) {
  if (region_code.empty()) return std::optional<AssessmentResultRow>();
  std::vector<AssessmentResultRow> rows = FetchResults(sql, year, region_code);
  if (rows.empty()) return std::optional<AssessmentResultRow>();
  return std::optional<AssessmentResultRow>(std::move(rows.front()));
}

Result<std::vector<AssessmentRunRow>> ListAssessmentRuns(soci::session& sql) {
  AssessmentRunRow row;
  long long year = 0, count = 0;
  soci::statement st =
      (sql.prepare << "SELECT year, MAX(as_of), MAX(run_at), MAX(run_by), COUNT(*) FROM "
                      "assessment_result GROUP BY year ORDER BY year DESC",
       soci::into(year), soci::into(row.as_of), soci::into(row.run_at), soci::into(row.run_by),
       soci::into(count));
  st.execute();
  std::vector<AssessmentRunRow> out;
  while (st.fetch()) {
    row.year = year;
    row.city_count = count;
    out.push_back(row);
  }
  return out;
}

Result<std::vector<TaskInputsRow>> TaskInputsByRegion(soci::session& sql, std::int64_t year,
                                                      const std::string& as_of) {
  long long key = year, due = 0, on_time = 0, late = 0, targeted = 0;
  std::string day = as_of;
  TaskInputsRow row;
  // Dates are ISO text, so they compare as strings. A task's achievement is clamped to 0…1
  // before the mean: overshooting one target does not make up for another.
  soci::statement st =
      (sql.prepare
           << "SELECT t.region_code, "
              "CAST(SUM(CASE WHEN t.deadline <= :as_of OR t.status = 'closed' THEN 1 ELSE 0 END) "
              "AS BIGINT), "
              "CAST(SUM(CASE WHEN t.status = 'closed' AND t.closed_on <= t.deadline THEN 1 "
              "ELSE 0 END) AS BIGINT), "
              "CAST(SUM(CASE WHEN t.status = 'closed' AND t.closed_on > t.deadline THEN 1 "
              "ELSE 0 END) AS BIGINT), "
              "CAST(SUM(CASE WHEN t.target_value > 0 THEN 1 ELSE 0 END) AS BIGINT), "
              "CAST(COALESCE(AVG(CASE WHEN t.target_value > 0 THEN (CASE "
              "WHEN t.achieved_value >= t.target_value THEN 1.0 "
              "WHEN t.achieved_value <= 0 THEN 0.0 "
              "ELSE t.achieved_value / t.target_value END) END), 0.0) AS DOUBLE PRECISION) "
              "FROM plan_task t JOIN action_plan p ON p.id = t.plan_id "
              "WHERE p.year = :y AND t.parent_id = 0 "
              "GROUP BY t.region_code ORDER BY t.region_code",
       soci::into(row.region_code), soci::into(due), soci::into(on_time), soci::into(late),
       soci::into(targeted), soci::into(row.achievement), soci::use(day), soci::use(key));
  st.execute();
  std::vector<TaskInputsRow> out;
  while (st.fetch()) {
    row.tasks_due = due;
    row.on_time = on_time;
    row.late = late;
    row.targeted = targeted;
    out.push_back(row);
  }
  return out;
}

}  // namespace zl::store
