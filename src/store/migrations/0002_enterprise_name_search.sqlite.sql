-- Substring search on enterprise names for SQLite: an FTS5 trigram index over the name,
-- kept in step with the enterprise table by triggers (external content, so names are not
-- stored twice). Queries of one or two characters cannot use trigrams and scan instead.
CREATE VIRTUAL TABLE enterprise_name_fts USING fts5(
  name, content = 'enterprise', content_rowid = 'rowid', tokenize = 'trigram');
INSERT INTO enterprise_name_fts (enterprise_name_fts) VALUES ('rebuild');
CREATE TRIGGER enterprise_name_fts_insert AFTER INSERT ON enterprise BEGIN
  INSERT INTO enterprise_name_fts (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER enterprise_name_fts_delete AFTER DELETE ON enterprise BEGIN
  INSERT INTO enterprise_name_fts (enterprise_name_fts, rowid, name)
    VALUES ('delete', old.rowid, old.name);
END;
CREATE TRIGGER enterprise_name_fts_update AFTER UPDATE OF name ON enterprise BEGIN
  INSERT INTO enterprise_name_fts (enterprise_name_fts, rowid, name)
    VALUES ('delete', old.rowid, old.name);
  INSERT INTO enterprise_name_fts (rowid, name) VALUES (new.rowid, new.name);
END;
