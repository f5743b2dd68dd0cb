-- Substring search on enterprise names for PostgreSQL: a pg_trgm GIN index, which serves
-- ILIKE '%…%' (Chinese included on a UTF-8 database).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX enterprise_name_trgm ON enterprise USING gin (name gin_trgm_ops);
