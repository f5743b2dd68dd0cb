-- Quality-credit grading (issue #6). Rule sets are stored as the text they were loaded from,
-- so that any grade can be explained again under the rules that produced it; exactly one is
-- active. credit_grade holds each enterprise's current grade and risk class (the risk class
-- is internal: never shown in public); credit_grade_history keeps every grade an enterprise
-- has had, with what caused the change (a grading run, a record added or revoked, an import)
-- and who, numbered per enterprise (credit_grade.seq is the number of its latest history
-- row). A grade unchanged by a grading run is not rewritten: the run's date tells when it
-- was last confirmed (grading_run.as_of). On SQLite both grade tables are clustered by USCC
-- (WITHOUT ROWID): one B-tree each, written in USCC order by a run.
CREATE TABLE grading_rule_set (
  version TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rules TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE grading_run (
  id INTEGER PRIMARY KEY,
  rules_version TEXT NOT NULL REFERENCES grading_rule_set (version),
  as_of TEXT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  graded BIGINT NOT NULL,
  changed BIGINT NOT NULL,
  by_grade TEXT NOT NULL
);
CREATE TABLE credit_grade (
  uscc TEXT PRIMARY KEY REFERENCES enterprise (uscc),
  grade TEXT NOT NULL CHECK (grade IN ('AAA', 'AA', 'A', 'B', 'C', 'D')),
  score_tenths BIGINT NOT NULL,
  risk_class TEXT NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D')),
  rules_version TEXT NOT NULL,
  graded_on TEXT NOT NULL,
  cause TEXT NOT NULL,
  actor TEXT NOT NULL,
  seq BIGINT NOT NULL
) WITHOUT ROWID;
CREATE TABLE credit_grade_history (
  uscc TEXT NOT NULL,
  seq BIGINT NOT NULL,
  grade TEXT NOT NULL,
  score_tenths BIGINT NOT NULL,
  risk_class TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  graded_on TEXT NOT NULL,
  cause TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (uscc, seq)
) WITHOUT ROWID;
