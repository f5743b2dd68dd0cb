-- The enterprise register: one row per market entity, keyed by its Unified Social Credit
-- Code. Every other module's records point here. region_code is the supervision unit that
-- watches the enterprise (one of Hebei's 11 cities, 定州 or 辛集), which can differ from the
-- registering authority encoded in positions 3-8 of the USCC.
CREATE TABLE enterprise (
  uscc TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  size TEXT NOT NULL CHECK (size IN ('large', 'medium', 'small', 'micro')),
  founded_on TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX enterprise_region ON enterprise (region_code);
CREATE INDEX enterprise_industry ON enterprise (industry_code);
CREATE INDEX enterprise_name ON enterprise (name);
