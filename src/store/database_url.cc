// DatabaseUrl::Parse: recognises the two backends' URL forms and masks passwords.
#include "store/database_url.h"

#include <libpq-fe.h>

namespace zl::store {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string MaskPassword(std::string_view uri) {
  std::string out(uri);
  std::size_t scheme_end = out.find("://");
  if (scheme_end == std::string::npos) return out;
  std::size_t at = out.find('@', scheme_end + 3);
  if (at == std::string::npos) return out;
  std::size_t colon = out.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return out;
  out.replace(colon + 1, at - colon - 1, "***");
  return out;
}

// Turns a postgresql:// URI into libpq's keyword=value form, which SOCI passes through
// untouched (SOCI mangles URIs). Fails with the reason libpq gives.
Result<std::string> ToConninfo(const std::string& uri) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (options == nullptr) {
    std::string reason = error ? error : "cannot parse";
    PQfreemem(error);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    return Status::InvalidArgument("bad postgresql URL: " + reason, "db");
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    out += out.empty() ? "" : " ";
    out += o->keyword;
    out += "='";
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\'' || *c == '\\') out += '\\';
      out += *c;
    }
    out += '\'';
  }
  PQconninfoFree(options);
  return out;
}

}  // namespace

const char* BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

Result<DatabaseUrl> DatabaseUrl::Parse(std::string_view url) {
  DatabaseUrl out;
  if (StartsWith(url, "sqlite:")) {
    std::string_view path = url.substr(7);
    if (StartsWith(path, "//")) path.remove_prefix(2);  // tolerate sqlite://PATH
    if (path.empty()) {
      return Status::InvalidArgument("sqlite URL needs a file path, e.g. sqlite:zhiliang.db", "db");
    }
    out.backend = Backend::kSqlite;
    out.target = path == ":memory:" ? ":memory:" : std::string(path);
    out.display = "sqlite:" + out.target;
    return out;
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    if (url.size() <= url.find("://") + 3) {
      return Status::InvalidArgument("postgresql URL needs a host, e.g. postgresql://user@host/db",
                                     "db");
    }
    out.backend = Backend::kPostgres;
    ZL_ASSIGN_OR_RETURN(out.target, ToConninfo(std::string(url)));
    out.display = MaskPassword(url);
    return out;
  }
  return Status::InvalidArgument("unknown database URL '" + std::string(url) +
                                     "': use sqlite:PATH or postgresql://user:pass@host:port/db",
                                 "db");
}

}  // namespace zl::store
