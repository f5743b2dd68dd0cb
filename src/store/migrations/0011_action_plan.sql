-- The action plan as data (issue #8). A plan is an imported document (plan/plan_document.h):
-- its items, their responsible departments (one registry: a name seen in several items is one
-- department) and the quantitative targets found in the text. Tasks assign an item (and
-- optionally a share of one of its targets) to a supervision unit with a lead unit,
-- cooperating units and a deadline; a city subdivides its task into child tasks. Every
-- progress report, completion report and review is a numbered report of its task, with
-- evidence files kept with their SHA-256. The assessment of city governments keeps the
-- indicator system each year was assessed by, the figures assessors entered and the results.
CREATE TABLE plan_department (
  id $ID_PRIMARY_KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE action_plan (
  id $ID_PRIMARY_KEY,
  title TEXT NOT NULL,
  year BIGINT NOT NULL,
  source_name TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  warnings TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE plan_item (
  id $ID_PRIMARY_KEY,
  plan_id BIGINT NOT NULL REFERENCES action_plan (id),
  position BIGINT NOT NULL,
  part_number TEXT NOT NULL,
  part_title TEXT NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  measures TEXT NOT NULL,
  lead_department_id BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX plan_item_position ON plan_item (plan_id, position);
CREATE TABLE plan_item_department (
  item_id BIGINT NOT NULL REFERENCES plan_item (id),
  position BIGINT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES plan_department (id),
  PRIMARY KEY (item_id, position)
);
CREATE INDEX plan_item_department_by_department ON plan_item_department (department_id);
CREATE TABLE plan_target (
  id $ID_PRIMARY_KEY,
  item_id BIGINT NOT NULL REFERENCES plan_item (id),
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  unit TEXT NOT NULL
);
CREATE INDEX plan_target_item ON plan_target (item_id);
CREATE TABLE plan_task (
  id $ID_PRIMARY_KEY,
  plan_id BIGINT NOT NULL REFERENCES action_plan (id),
  item_id BIGINT NOT NULL REFERENCES plan_item (id),
  parent_id BIGINT NOT NULL DEFAULT 0,
  region_code TEXT NOT NULL,
  title TEXT NOT NULL,
  lead_unit TEXT NOT NULL,
  cooperating_units TEXT NOT NULL,
  deadline TEXT NOT NULL,
  target_id BIGINT NOT NULL DEFAULT 0,
  target_value DOUBLE PRECISION NOT NULL DEFAULT 0,
  achieved_value DOUBLE PRECISION NOT NULL DEFAULT 0,
  percent BIGINT NOT NULL DEFAULT 0 CHECK (percent >= 0 AND percent <= 100),
  status TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  closed_on TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_task_region ON plan_task (region_code, deadline);
CREATE INDEX plan_task_plan ON plan_task (plan_id, item_id);
CREATE INDEX plan_task_parent ON plan_task (parent_id);
CREATE TABLE plan_report (
  task_id BIGINT NOT NULL REFERENCES plan_task (id),
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  percent BIGINT NOT NULL,
  narrative TEXT NOT NULL,
  achieved_value DOUBLE PRECISION NOT NULL DEFAULT 0,
  reported_by TEXT NOT NULL,
  reported_on TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (task_id, seq)
);
CREATE TABLE plan_evidence (
  task_id BIGINT NOT NULL,
  report_seq BIGINT NOT NULL,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (task_id, report_seq, position),
  FOREIGN KEY (task_id, report_seq) REFERENCES plan_report (task_id, seq)
);
CREATE TABLE assessment_system (
  year BIGINT PRIMARY KEY,
  definition TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE TABLE assessment_figure (
  year BIGINT NOT NULL,
  region_code TEXT NOT NULL,
  indicator TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (year, region_code, indicator)
);
CREATE TABLE assessment_result (
  year BIGINT NOT NULL,
  region_code TEXT NOT NULL,
  total DOUBLE PRECISION NOT NULL,
  grade TEXT NOT NULL,
  rank BIGINT NOT NULL,
  vetoed BIGINT NOT NULL,
  sheet TEXT NOT NULL,
  as_of TEXT NOT NULL,
  run_by TEXT NOT NULL,
  run_at TEXT NOT NULL,
  PRIMARY KEY (year, region_code)
);
