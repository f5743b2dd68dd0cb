-- The credit archive (issue #5). The enterprise register is rebuilt with an explicit integer
-- id, because the name index below is keyed by it and SQLite may renumber implicit rowids on
-- VACUUM; it gains the legal representative and the name's search key. The trigram index
-- makes way for a bigram index that also serves two-character queries (see
-- src/domain/name_search.h); the store keeps it in step with the register, and a code step
-- of this migration (src/store/name_index.cc) fills it for existing rows.
DROP TRIGGER enterprise_name_fts_insert;
DROP TRIGGER enterprise_name_fts_delete;
DROP TRIGGER enterprise_name_fts_update;
DROP TABLE enterprise_name_fts;
CREATE TABLE enterprise_v4 (
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  size TEXT NOT NULL CHECK (size IN ('large', 'medium', 'small', 'micro')),
  founded_on TEXT NOT NULL,
  legal_representative TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
INSERT INTO enterprise_v4 (uscc, name, region_code, industry_code, size, founded_on, address,
                           created_at)
  SELECT uscc, name, region_code, industry_code, size, founded_on, address, created_at
  FROM enterprise ORDER BY rowid;
DROP TABLE enterprise;
ALTER TABLE enterprise_v4 RENAME TO enterprise;
CREATE INDEX enterprise_region ON enterprise (region_code);
CREATE INDEX enterprise_industry ON enterprise (industry_code);
CREATE INDEX enterprise_name ON enterprise (name);
CREATE INDEX enterprise_name_key ON enterprise (name_key);
-- One document per enterprise (rowid = enterprise.id), contentless: bigrams of the name key
-- in order (phrase queries) and its distinct characters, both again prefixed with the region
-- code (rbigrams, runigrams: a search within a region is one lookup), and the industry and
-- size as tokens (i<industry>, s<size>). See src/store/name_index.h.
CREATE VIRTUAL TABLE enterprise_search USING fts5(
  bigrams, rbigrams, unigrams, runigrams, facets, content = '', tokenize = 'ascii');

-- Credit records: append-only; a correction or revocation is a new row whose `replaces`
-- names the row it supersedes (at most one successor each). natural_key is a 64-bit digest
-- of (kind, occurred_on, document_no, title), unique per enterprise: re-importing a file
-- finds the rows it already wrote.
CREATE TABLE credit_record (
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL REFERENCES enterprise (uscc),
  natural_key BIGINT NOT NULL,
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  title TEXT NOT NULL,
  source_department TEXT NOT NULL,
  document_no TEXT NOT NULL DEFAULT '',
  polarity TEXT NOT NULL CHECK (polarity IN ('good', 'bad', 'neutral')),
  severity TEXT NOT NULL CHECK (severity IN ('none', 'minor', 'general', 'serious')),
  published_from TEXT NOT NULL DEFAULT '',
  published_until TEXT NOT NULL DEFAULT '',
  replaces BIGINT REFERENCES credit_record (id),
  details TEXT NOT NULL DEFAULT '',
  import_id BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX credit_record_natural_key ON credit_record (uscc, natural_key);
CREATE UNIQUE INDEX credit_record_replaces ON credit_record (replaces) WHERE replaces IS NOT NULL;

-- Imports: one row per file processed (committed or refused), and its rejected rows.
CREATE TABLE import_run (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('enterprises', 'records')),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_region TEXT NOT NULL DEFAULT '',
  strict BIGINT NOT NULL,
  committed BIGINT NOT NULL,
  accepted BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  inserted BIGINT NOT NULL,
  updated BIGINT NOT NULL,
  unchanged BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE import_error (
  import_id BIGINT NOT NULL REFERENCES import_run (id),
  seq BIGINT NOT NULL,
  row_number BIGINT NOT NULL,
  column_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
);
