-- The 双随机 random inspection draw (issue #6; credit-rules.md §12–17). Inspectors and their
-- declared conflicts of interest, the sampling policy (empty = the built-in default), tasks,
-- and per task one draw with everything needed to run it again (seed, policy snapshot, pool
-- "uscc<TAB>region<TAB>class" lines, inspectors "id<TAB>region<TAB>initial_load" lines,
-- conflicts "inspector_id<TAB>uscc" lines), its targets with their teams, and the recusals
-- applied since. Risk classes, hashes and pools are internal: never shown in public.
CREATE TABLE inspector (
  id $ID_PRIMARY_KEY,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL,
  qualifications TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX inspector_region ON inspector (region_code);
CREATE TABLE inspector_conflict (
  inspector_id BIGINT NOT NULL REFERENCES inspector (id),
  uscc TEXT NOT NULL REFERENCES enterprise (uscc),
  reason TEXT NOT NULL,
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  PRIMARY KEY (inspector_id, uscc)
);
CREATE TABLE sampling_policy (
  risk_class TEXT PRIMARY KEY CHECK (risk_class IN ('A', 'B', 'C', 'D')),
  ratio DOUBLE PRECISION NOT NULL,
  ratio_min DOUBLE PRECISION NOT NULL,
  ratio_max DOUBLE PRECISION NOT NULL,
  checks_per_year DOUBLE PRECISION NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE inspection_task (
  id $ID_PRIMARY_KEY,
  name TEXT NOT NULL,
  industries TEXT NOT NULL,
  regions TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_until TEXT NOT NULL,
  team_size BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'drawn', 'published')),
  created_by TEXT NOT NULL,
  region_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE inspection_draw (
  task_id BIGINT PRIMARY KEY REFERENCES inspection_task (id),
  seed TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  policy TEXT NOT NULL,
  team_size BIGINT NOT NULL,
  pool_size BIGINT NOT NULL,
  pool_digest TEXT NOT NULL,
  per_class TEXT NOT NULL,
  ungraded BIGINT NOT NULL,
  pool TEXT NOT NULL,
  inspectors TEXT NOT NULL,
  conflicts TEXT NOT NULL,
  exclusions TEXT NOT NULL,
  unstaffed TEXT NOT NULL,
  drawn_by TEXT NOT NULL,
  drawn_at TEXT NOT NULL
);
CREATE TABLE inspection_target (
  task_id BIGINT NOT NULL REFERENCES inspection_task (id),
  uscc TEXT NOT NULL,
  region_code TEXT NOT NULL,
  risk_class TEXT NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D')),
  hash TEXT NOT NULL,
  team TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'pass', 'fail')),
  result_note TEXT NOT NULL DEFAULT '',
  result_record_id BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, uscc)
);
CREATE INDEX inspection_target_order ON inspection_target (task_id, hash, uscc);
CREATE TABLE inspection_recusal (
  task_id BIGINT NOT NULL REFERENCES inspection_task (id),
  uscc TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  recused_id BIGINT NOT NULL,
  replacement_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (task_id, sequence)
);
