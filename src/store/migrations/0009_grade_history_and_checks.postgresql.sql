-- The history keeps superseded grades only; the current grade carries its own created_at
-- (see 0009_grade_history_and_checks.sqlite.sql for why). PostgreSQL's IN-list checks cost
-- nothing worth a table rewrite and stay.
ALTER TABLE credit_grade ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
UPDATE credit_grade g SET created_at = h.created_at
  FROM credit_grade_history h WHERE h.uscc = g.uscc AND h.seq = g.seq;
UPDATE credit_grade SET created_at = graded_on WHERE created_at = '';
DELETE FROM credit_grade_history h USING credit_grade g WHERE h.uscc = g.uscc AND h.seq = g.seq;
ALTER TABLE credit_grade ALTER COLUMN created_at DROP DEFAULT;
