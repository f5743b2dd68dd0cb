-- Name search on PostgreSQL without a GIN index (see src/store/name_index.h). A GIN index
-- must build the whole bitmap of a term before it returns a row: for a common term (有限公司
-- within one city, 340,000 entries) that alone took 65-95 ms. Instead, one row per character
-- position of the name key, holding the key from there on, under a B-tree whose range scans
-- yield matches in order and stop at the page or at the count limit; the filter values are
-- in the index too, so that a search is answered from the index alone. The store writes the
-- rows beside every enterprise. The code step of this migration (MigrateNameIndex6 in
-- src/store/name_index.cc) writes them for existing enterprises and then creates the index
-- enterprise_name_suffix_key (region_code, suffix, uscc) INCLUDE (pos, first_len, industry,
-- size): built once by sorting, instead of 24 million single insertions for 2 million
-- enterprises.
DROP INDEX enterprise_search_terms;
ALTER TABLE enterprise DROP COLUMN search_terms;
CREATE TABLE enterprise_name_suffix (
  region_code TEXT COLLATE "C" NOT NULL,
  suffix TEXT COLLATE "C" NOT NULL,
  uscc TEXT NOT NULL,
  pos SMALLINT NOT NULL,
  first_len SMALLINT NOT NULL,
  industry TEXT COLLATE "C" NOT NULL,
  size TEXT COLLATE "C" NOT NULL
);
-- The names starting with the query within one region, in name order, for the first part of
-- a search with many matches (the name_key index alone walks every region's such names).
CREATE INDEX enterprise_region_name_key ON enterprise (region_code, name_key, uscc);
