-- Accounts, browser sessions, API tokens and the hash-chained audit log (auth module).
-- Times are ISO-8601 UTC text ("2026-11-26T23:59:00Z"), which sorts and compares as text;
-- an empty string means "never" / "none".
CREATE TABLE app_user (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  region_code TEXT NOT NULL DEFAULT '',
  uscc TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled BIGINT NOT NULL DEFAULT 0,
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  last_login_at TEXT NOT NULL DEFAULT '',
  password_changed_at TEXT NOT NULL
);
CREATE INDEX app_user_region ON app_user (region_code);

-- A browser session: only the SHA-256 of the cookie's secret is stored.
CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES app_user (name),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_session_user ON user_session (user_name);

-- A machine client's bearer token: only its SHA-256 is stored; scopes is a space-separated
-- list of permissions, each one the owner holds.
CREATE TABLE api_token (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  owner TEXT NOT NULL REFERENCES app_user (name),
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT '',
  last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_token_owner ON api_token (owner);

-- The audit log: append-only, each entry carrying the SHA-256 of its canonical text, which
-- includes the previous entry's hash. audit_head holds the chain's tip; every append
-- updates it first, which serialises appenders on PostgreSQL (row lock) as on SQLite.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  summary TEXT NOT NULL,
  request_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);
CREATE TABLE audit_head (
  id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
