// SQL for app_user, user_session and api_token; the same text on both backends.
#include "store/account_tables.h"

#include <soci/soci.h>

namespace zl::store {

namespace {

constexpr const char* kUserColumns =
    "name, role, region_code, uscc, password_hash, disabled, failed_logins, locked_until, "
    "created_at, last_login_at, password_changed_at";

// Binds the columns of kUserColumns, in order, to a statement's into() list.
struct UserRow {
  UserRecord r;
  long long disabled = 0, failed = 0;
  void Into(soci::statement& st) {
    for (std::string* s : {&r.name, &r.role, &r.region_code, &r.uscc, &r.password_hash}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(failed));
    for (std::string* s :
         {&r.locked_until, &r.created_at, &r.last_login_at, &r.password_changed_at}) {
      st.exchange(soci::into(*s));
    }
  }
  UserRecord Get() const {
    UserRecord out = r;
    out.disabled = disabled != 0;
    out.failed_logins = static_cast<int>(failed);
    return out;
  }
};

constexpr const char* kTokenColumns =
    "id, token_hash, name, owner, scopes, created_at, expires_at, revoked_at, last_used_at";

void IntoToken(soci::statement& st, TokenRecord& t) {
  for (std::string* s : {&t.id, &t.token_hash, &t.name, &t.owner, &t.scopes, &t.created_at,
                         &t.expires_at, &t.revoked_at, &t.last_used_at}) {
    st.exchange(soci::into(*s));
  }
}

}  // namespace

void InsertUser(soci::session& sql, const UserRecord& u) {
  long long disabled = u.disabled ? 1 : 0, failed = u.failed_logins;
  sql << "INSERT INTO app_user (" << kUserColumns
      << ") VALUES (:name, :role, :region, :uscc, :hash, :disabled, :failed, :locked, "
         ":created, :last_login, :changed)",
      soci::use(u.name), soci::use(u.role), soci::use(u.region_code), soci::use(u.uscc),
      soci::use(u.password_hash), soci::use(disabled), soci::use(failed), soci::use(u.locked_until),
      soci::use(u.created_at), soci::use(u.last_login_at), soci::use(u.password_changed_at);
}

std::optional<UserRecord> FindUser(soci::session& sql, const std::string& name) {
  UserRow row;
  std::string key = name;
  soci::statement st(sql);
  row.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE name = :name");
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return row.Get();
}

void UpdateUser(soci::session& sql, const UserRecord& u) {
  long long disabled = u.disabled ? 1 : 0, failed = u.failed_logins;
  sql << "UPDATE app_user SET role = :role, region_code = :region, uscc = :uscc, "
         "password_hash = :hash, disabled = :disabled, failed_logins = :failed, "
         "locked_until = :locked, last_login_at = :last_login, password_changed_at = :changed "
         "WHERE name = :name",
      soci::use(u.role), soci::use(u.region_code), soci::use(u.uscc), soci::use(u.password_hash),
      soci::use(disabled), soci::use(failed), soci::use(u.locked_until), soci::use(u.last_login_at),
      soci::use(u.password_changed_at), soci::use(u.name);
}

PageOf<UserRecord> ListUsers(soci::session& sql, const std::string& region_code, PageRequest page) {
  PageOf<UserRecord> out;
  out.page = page.page;
  out.per_page = page.per_page;
  std::string region = region_code;
  std::string where = region.empty() ? "" : " WHERE region_code = :region";
  long long total = 0;
  if (region.empty()) {
    sql << "SELECT COUNT(*) FROM app_user", soci::into(total);
  } else {
    sql << "SELECT COUNT(*) FROM app_user" << where, soci::into(total), soci::use(region);
  }
  out.total = total;
  long long limit = page.per_page;
  long long offset = static_cast<long long>(page.page - 1) * page.per_page;
  UserRow row;
  soci::statement st(sql);
  row.Into(st);
  if (!region.empty()) st.exchange(soci::use(region));
  st.exchange(soci::use(limit));
  st.exchange(soci::use(offset));
  st.alloc();
  st.prepare(std::string("SELECT ") + kUserColumns + " FROM app_user" + where +
             " ORDER BY name LIMIT :limit OFFSET :offset");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.items.push_back(row.Get());
  return out;
}

void InsertSession(soci::session& sql, const SessionRecord& s) {
  sql << "INSERT INTO user_session (token_hash, user_name, csrf_token, created_at, "
         "last_seen_at, expires_at, revoked_at) VALUES (:hash, :user, :csrf, :created, :seen, "
         ":expires, :revoked)",
      soci::use(s.token_hash), soci::use(s.user_name), soci::use(s.csrf_token),
      soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at),
      soci::use(s.revoked_at);
}

std::optional<SessionRecord> FindSession(soci::session& sql, const std::string& token_hash) {
  SessionRecord s;
  sql << "SELECT token_hash, user_name, csrf_token, created_at, last_seen_at, expires_at, "
         "revoked_at FROM user_session WHERE token_hash = :hash",
      soci::into(s.token_hash), soci::into(s.user_name), soci::into(s.csrf_token),
      soci::into(s.created_at), soci::into(s.last_seen_at), soci::into(s.expires_at),
      soci::into(s.revoked_at), soci::use(token_hash);
  if (!sql.got_data()) return std::nullopt;
  return s;
}

void TouchSession(soci::session& sql, const std::string& token_hash, const std::string& at) {
  sql << "UPDATE user_session SET last_seen_at = :at WHERE token_hash = :hash", soci::use(at),
      soci::use(token_hash);
}

void RevokeSession(soci::session& sql, const std::string& token_hash, const std::string& at) {
  sql << "UPDATE user_session SET revoked_at = :at WHERE token_hash = :hash AND revoked_at = ''",
      soci::use(at), soci::use(token_hash);
}

void RevokeUserSessions(soci::session& sql, const std::string& user_name, const std::string& at,
                        const std::string& keep) {
  sql << "UPDATE user_session SET revoked_at = :at WHERE user_name = :user AND revoked_at = '' "
         "AND token_hash <> :keep",
      soci::use(at), soci::use(user_name), soci::use(keep);
}

void InsertToken(soci::session& sql, const TokenRecord& t) {
  sql << "INSERT INTO api_token (" << kTokenColumns
      << ") VALUES (:id, :hash, :name, :owner, :scopes, :created, :expires, :revoked, :used)",
      soci::use(t.id), soci::use(t.token_hash), soci::use(t.name), soci::use(t.owner),
      soci::use(t.scopes), soci::use(t.created_at), soci::use(t.expires_at),
      soci::use(t.revoked_at), soci::use(t.last_used_at);
}

namespace {

std::optional<TokenRecord> FindTokenWhere(soci::session& sql, const char* column,
                                          const std::string& value) {
  TokenRecord t;
  std::string key = value;
  soci::statement st(sql);
  IntoToken(st, t);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kTokenColumns + " FROM api_token WHERE " + column +
             " = :key");
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return t;
}

}  // namespace

std::optional<TokenRecord> FindTokenByHash(soci::session& sql, const std::string& token_hash) {
  return FindTokenWhere(sql, "token_hash", token_hash);
}

std::optional<TokenRecord> FindToken(soci::session& sql, const std::string& id) {
  return FindTokenWhere(sql, "id", id);
}

std::vector<TokenRecord> ListTokens(soci::session& sql, const std::string& owner) {
  std::vector<TokenRecord> out;
  TokenRecord t;
  std::string key = owner;
  soci::statement st(sql);
  IntoToken(st, t);
  if (!key.empty()) st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kTokenColumns + " FROM api_token" +
             (key.empty() ? "" : " WHERE owner = :owner") + " ORDER BY created_at DESC, id");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(t);
  return out;
}

void RevokeToken(soci::session& sql, const std::string& id, const std::string& at) {
  sql << "UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at = ''", soci::use(at),
      soci::use(id);
}

void TouchToken(soci::session& sql, const std::string& id, const std::string& at) {
  sql << "UPDATE api_token SET last_used_at = :at WHERE id = :id", soci::use(at), soci::use(id);
}

}  // namespace zl::store
