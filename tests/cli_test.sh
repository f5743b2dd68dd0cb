#!/usr/bin/env bash
# The zhiliang command as a user runs it: exit codes, messages, and a real serve/stop cycle,
# on the backend named by the second argument.
# Usage: cli_test.sh PATH_TO_ZHILIANG sqlite|postgresql
# With postgresql it needs ZL_TEST_POSTGRES_URL (scripts/with-postgres) and exits 77
# (skipped) without it.
set -uo pipefail
Z=$1
BACKEND=${2:-sqlite}
work=$(mktemp -d)
server_pid=
pg_databases=()
cleanup() {
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null
  for d in "${pg_databases[@]}"; do psql "$ZL_TEST_POSTGRES_URL" -qAtc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0

if [[ $BACKEND == postgresql && -z "${ZL_TEST_POSTGRES_URL:-}" ]]; then
  echo "cli: ZL_TEST_POSTGRES_URL is not set; skipping the PostgreSQL run"; exit 77
fi

# new_db NAME: prints the URL of a new, empty database for this backend.
new_db() {
  if [[ $BACKEND == sqlite ]]; then echo "sqlite:$work/$1.db"; return; fi
  local name="zlcli_$$_$1"
  PGOPTIONS="-c client_min_messages=warning" psql "$ZL_TEST_POSTGRES_URL" -qAtc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
  pg_databases+=("$name")
  echo "${ZL_TEST_POSTGRES_URL%/*}/$name"
}
# sql URL QUERY: runs a query with the backend's own client.
sql() {
  if [[ $BACKEND == sqlite ]]; then sqlite3 "${1#sqlite:}" "$2"; else psql "$1" -qAtc "$2"; fi
}

check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name" >&2; fi
}
contains() { grep -q -- "$2" <<<"$1"; }
lacks() { ! grep -q -- "$2" <<<"$1"; }

# --help everywhere
for cmd in "" "serve" "migrate" "demo" "uscc" "uscc check" "draw" "draw verify" "workdays" \
  "workdays add" "workdays between" "workdays check" "blacklist" "blacklist expire" "blacklist propose"; do
  out=$("$Z" $cmd --help 2>&1); rc=$?
  check "help for '$cmd' exits 0" test $rc -eq 0
  check "help for '$cmd' shows usage" contains "$out" "Usage"
done

# uscc check: verdicts, reasons, exit codes, json
out=$("$Z" uscc check 91130100MA0C123409 914403001922038216); rc=$?
check "valid codes exit 0" test $rc -eq 0
check "valid codes say valid" contains "$out" "91130100MA0C123409	valid"
out=$("$Z" uscc check 914403001922038216 914403001922038217 9144030019220382); rc=$?
check "an invalid code exits 1" test $rc -eq 1
check "wrong check character names the expected one" contains "$out" "expected '6'"
check "wrong length is explained" contains "$out" "18 characters"
out=$("$Z" uscc check --format json 914403001922038217 91130100MA0C123409); rc=$?
check "json with an invalid code exits 1" test $rc -eq 1
check "json has code/valid/reason" contains "$out" '"valid": false'
check "json lists the valid one" contains "$out" '"code": "91130100MA0C123409"'

# workdays: deadlines in working days on the compiled-in calendar (data/calendar/*.txt).
# Expected dates are hand-checked against 2025.txt and 2026.txt:
#   2026 国庆节/中秋节: 09-20 (Sun) work; 09-25..27 off; 10-01 (Thu)..10-07 off; 10-10 (Sat) work.
#   2026 春节: 02-14 (Sat) work; 02-15..02-23 off; 02-28 (Sat) work.
#   2025 春节: 01-26 (Sun) work; 01-28..02-04 off; 02-08 (Sat) work.
#   2026 元旦: 01-01..01-03 off; 01-04 (Sun) work.
wd() {  # wd EXPECTED ARGS...: `zhiliang workdays ARGS` prints exactly EXPECTED and exits 0
  local expected=$1; shift
  local got; got=$("$Z" workdays "$@" 2>&1); local rc=$?
  check "workdays $* -> $expected" test "$rc:$got" = "0:$expected"
}
wd 2026-10-08 add 2026-09-30 1   # Wed; 10-01..10-07 off, Thu 10-08 the first working day
wd 2026-10-10 add 2026-09-30 3   # 10-08, 10-09, then the make-up Saturday 10-10
wd 2026-10-12 add 2026-09-30 4   # Sun 10-11 off, Mon 10-12
wd 2026-09-30 add 2026-10-10 -3  # back: 10-09, 10-08, then over the break to Wed 09-30
wd 2026-09-30 add 2026-10-08 -1
wd 2026-10-08 add 2026-10-01 1   # from inside the holiday
wd 2026-09-30 add 2026-10-01 -1
wd 2026-10-01 add 2026-10-01 0   # N = 0 is the date itself, even on a holiday
wd 2026-09-20 add 2026-09-18 1   # Fri 09-18; the make-up Sunday 09-20 is the next working day
wd 2026-09-28 add 2026-09-24 1   # Thu 09-24; 中秋节 09-25..09-27 off, Mon 09-28
wd 2026-02-14 add 2026-02-13 1   # Fri 02-13; the make-up Saturday 02-14
wd 2026-02-24 add 2026-02-13 2   # 02-15..02-23 off; Tue 02-24
wd 2026-02-28 add 2026-02-13 6   # 02-24..02-27, then the make-up Saturday 02-28
wd 2026-02-13 add 2026-02-24 -2  # back over 春节 via 02-14
wd 2025-01-26 add 2025-01-24 1   # Fri; Sat 01-25 off, the make-up Sunday 01-26
wd 2025-02-05 add 2025-01-24 3   # 01-26, Mon 01-27, then 01-28..02-04 off: Wed 02-05
wd 2025-02-08 add 2025-02-05 3   # 02-06, 02-07, the make-up Saturday 02-08
wd 2026-01-04 add 2025-12-31 1   # across the year: 元旦 01-01..01-03 off, make-up Sunday 01-04
wd 3 between 2026-09-30 2026-10-10   # 10-08, 10-09, 10-10
wd -3 between 2026-10-10 2026-09-30
wd 0 between 2026-10-01 2026-10-07
wd 11 between 2026-09-18 2026-10-10  # 09-20..09-24 (5), 09-28..09-30 (3), 10-08..10-10 (3)
wd 6 between 2025-01-24 2025-02-08   # 01-26, 01-27, 02-05, 02-06, 02-07, 02-08
wd "2026-10-01 day off (国庆节)" check 2026-10-01
wd "2026-09-26 day off (中秋节)" check 2026-09-26
wd "2026-09-20 working day (make-up for 国庆节)" check 2026-09-20
wd "2026-02-28 working day (make-up for 春节)" check 2026-02-28
wd "2026-09-28 working day" check 2026-09-28
wd "2026-09-19 day off (weekend)" check 2026-09-19
out=$("$Z" workdays add 2026-09-30 3 --format json); rc=$?
check "workdays add --format json exits 0" test $rc -eq 0
check "workdays add json" test "$out" = '{"date":"2026-09-30","n":3,"result":"2026-10-10"}'
# A walk into 2027 needs a notice for 2027: fails without one, works with --calendar.
out=$("$Z" workdays add 2026-12-31 1 2>&1); rc=$?
check "workdays add into 2027 fails" test $rc -eq 1
check "the failure names 2027" contains "$out" "no data for 2027"
check "the failure says how to add it" contains "$out" "--calendar"
out=$("$Z" workdays check 2027-01-04 2>&1); rc=$?
check "workdays check of an uncovered date fails" test $rc -eq 1
check "the check failure names 2027" contains "$out" "no data for 2027"
# A made-up 2027 notice (not the real one): 01-01 (Fri) and Mon 01-04 off, Sat 01-09 work.
printf '# made up for cli_test.sh\n2027-01-01 off 元旦\n2027-01-04 off 测试假\n2027-01-09 work 测试假\n' >"$work/2027.txt"
wd 2027-01-05 add 2026-12-31 1 --calendar "$work/2027.txt"  # 01-01 off, weekend, 01-04 off
wd 2027-01-09 add 2026-12-31 5 --calendar "$work/2027.txt"  # 01-05..01-08, then Sat 01-09
wd 2026-12-31 add 2027-01-05 -1 --calendar "$work/2027.txt"
wd 5 between 2026-12-31 2027-01-09 --calendar "$work/2027.txt"
wd "2027-01-04 day off (测试假)" check 2027-01-04 --calendar "$work/2027.txt"
wd 2027-01-05 add --calendar "$work/2027.txt" --calendar "$work/2027.txt" 2026-12-31 1
# bad input: one line naming what is wrong, exit 1; usage errors: CLI11's own code
printf '2027-01-01 off 元旦\n2027-01-05 holiday 元旦\n' >"$work/bad.txt"
out=$("$Z" workdays add 2026-12-31 1 --calendar "$work/bad.txt" 2>&1); rc=$?
check "a bad --calendar file exits 1" test $rc -eq 1
check "a bad --calendar file names file:line" contains "$out" "bad.txt:2: unknown kind 'holiday'"
out=$("$Z" workdays add 2026-12-31 1 --calendar "$work/missing.txt" 2>&1); rc=$?
check "a missing --calendar file exits 1" test $rc -eq 1
check "a missing --calendar file is named" contains "$out" "missing.txt"
out=$("$Z" workdays add 2026-13-01 1 2>&1); rc=$?
check "workdays add with a bad date exits 1" test $rc -eq 1
check "a bad date is named" contains "$out" "date: not a date (YYYY-MM-DD): 2026-13-01"
out=$("$Z" workdays between 2026-09-30 2026-02-30 2>&1); rc=$?
check "workdays between with a bad date exits 1" test $rc -eq 1
check "a bad second date is named" contains "$out" "date2: not a date (YYYY-MM-DD): 2026-02-30"
out=$("$Z" workdays add 2026-09-30 1.5 2>&1); rc=$?
check "workdays add with a bad N exits 1" test $rc -eq 1
check "a bad N is named" contains "$out" "n: not a whole number of working days: 1.5"
out=$("$Z" workdays add 2026-09-30 2>&1); rc=$?
check "workdays add without N is a usage error" test $rc -gt 1
check "the usage error names N" contains "$out" "N is required"
out=$("$Z" workdays 2>&1); rc=$?
check "workdays without a subcommand is a usage error" test $rc -gt 1

# migrate: creates the schema, second run changes nothing
m=$(new_db m)
out=$("$Z" migrate --db "$m"); rc=$?
check "migrate exits 0" test $rc -eq 0
check "migrate reports what it applied" contains "$out" "applied 0001_enterprise"
out=$("$Z" migrate --db "$m"); rc=$?
check "second migrate exits 0" test $rc -eq 0
check "second migrate is a no-op" contains "$out" "up to date"
out=$("$Z" audit verify --db "$m"); rc=$?
check "the migration itself is audited (one entry)" contains "$out" "intact: 1 entries checked"

# blacklist expire: nothing to expire in a fresh database; a bad --as-of is refused
out=$("$Z" blacklist expire --db "$m" --as-of 2026-11-27); rc=$?
check "blacklist expire exits 0" test $rc -eq 0
check "blacklist expire reports the count and day" contains "$out" "0 blacklist case(s) expired as of 2026-11-27"
out=$("$Z" blacklist propose --db "$m" --as-of 2026-11-27); rc=$?
check "blacklist propose exits 0" test $rc -eq 0
check "blacklist propose reports the count" contains "$out" "0 blacklist case(s) proposed as of 2026-11-27"
out=$("$Z" blacklist expire --db "$m" --as-of 2026-02-30 2>&1); rc=$?
check "blacklist expire refuses a bad day" test $rc -eq 1
check "blacklist expire names --as-of" contains "$out" "--as-of: not a date"

# bad --db: one clear line, non-zero exit
out=$("$Z" migrate --db "mysql://nope" 2>&1); rc=$?
check "unknown db scheme fails" test $rc -ne 0
check "unknown db scheme is explained" contains "$out" "use sqlite:PATH or postgresql://"
out=$("$Z" migrate --db "sqlite:$work/missing-dir/x.db" 2>&1); rc=$?
check "unopenable sqlite path fails" test $rc -ne 0
check "unopenable path is named" contains "$out" "missing-dir/x.db"

# a PostgreSQL server that is not there: one line naming host and port
out=$("$Z" migrate --db "postgresql://zl:secret@127.0.0.1:1/zl" 2>&1); rc=$?
check "refused postgresql connection fails" test $rc -ne 0
check "refused connection is one line" test "$(wc -l <<<"$out")" -eq 1
check "refused connection names host and port" contains "$out" '"127.0.0.1", port 1 failed'
check "refused connection hides the password" lacks "$out" secret

# demo --no-serve: deterministic data, refuses to add to a filled database without --reset
d=$(new_db d)
out=$("$Z" demo --db "$d" --enterprises 1500 --seed 5 --no-serve); rc=$?
check "demo exits 0" test $rc -eq 0
check "demo says what it wrote" contains "$out" "wrote 1500 enterprises"
check "demo rows are in the database" test "$(sql "$d" 'select count(*) from enterprise')" = 1500
first=$(sql "$d" 'select uscc || name from enterprise order by uscc limit 3')
out=$("$Z" demo --db "$d" --enterprises 10 --no-serve 2>&1); rc=$?
check "demo on a filled database fails" test $rc -ne 0
check "demo says why and what to do" contains "$out" "--reset"
"$Z" demo --db "$d" --enterprises 1500 --seed 5 --no-serve --reset >/dev/null
again=$(sql "$d" 'select uscc || name from enterprise order by uscc limit 3')
check "same seed gives the same data" test "$first" = "$again"

# user add: password from stdin, policy enforced, audited; audit verify notices tampering
out=$(echo short | "$Z" user add --db "$d" --name zhang --role city_admin --region 130200 --password-stdin 2>&1); rc=$?
check "a weak password is refused" test $rc -ne 0
check "the refusal names the password rule" contains "$out" "at least 10 characters"
out=$("$Z" user add --db "$d" --name zhang --role city_admin --region 130200 2>&1 </dev/null); rc=$?
check "user add without --password-stdin fails" test $rc -ne 0
out=$(echo "Hebei-quality-2014" | "$Z" user add --db "$d" --name zhang --role city_admin --region 130200 --password-stdin); rc=$?
check "user add exits 0" test $rc -eq 0
check "user add confirms" contains "$out" "added zhang (city_admin, region 130200)"
out=$(echo "Hebei-quality-2014" | "$Z" user add --db "$d" --name li --role city_admin --region 999999 --password-stdin 2>&1); rc=$?
check "an unknown region is refused" test $rc -ne 0
check "the refusal names the region" contains "$out" "region: 999999"
out=$("$Z" audit verify --db "$d"); rc=$?
check "audit verify exits 0 on an intact chain" test $rc -eq 0
check "audit verify counts entries" contains "$out" "entries checked"
sql "$d" "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2" >/dev/null
out=$("$Z" audit verify --db "$d" 2>&1); rc=$?
check "audit verify fails on an altered entry" test $rc -ne 0
check "audit verify names the first bad entry" contains "$out" "entry 2"
"$Z" demo --db "$d" --enterprises 1500 --seed 5 --no-serve --reset >/dev/null 2>&1

# draw: the 双随机 draw of a task with a recorded seed; once only; verify re-runs it
check "demo added inspectors" test "$(sql "$d" 'SELECT COUNT(*) FROM inspector')" = 410
new_task() {
  sql "$1" "INSERT INTO inspection_task (name, industries, regions, period_from, period_until, team_size, status, created_by, region_code, created_at) VALUES ('CLI抽查', 'C', '130000', '2026-12-01', '2026-12-31', 2, 'planned', 'cli', '130000', 'now') RETURNING id"
}
task=$(new_task "$d")
seed=00112233445566778899aabbccddeeff
out=$("$Z" draw "$task" --db "$d" --seed "$seed" --format json); rc=$?
check "draw exits 0" test $rc -eq 0
check "draw json has the seed" contains "$out" "\"seed\":\"$seed\""
check "draw json has the pool digest" contains "$out" '"pool_digest":"'
check "draw stores the targets" test "$(sql "$d" "SELECT COUNT(*) FROM inspection_target WHERE task_id = $task")" -gt 0
out=$("$Z" draw "$task" --db "$d" 2>&1); rc=$?
check "a second draw exits 1" test $rc -eq 1
check "a second draw says why" contains "$out" "already drawn"
out=$("$Z" draw verify "$task" --db "$d"); rc=$?
check "verify exits 0" test $rc -eq 0
check "verify says reproduced" contains "$out" "reproduced"
sql "$d" "UPDATE inspection_target SET team = '1,2' WHERE task_id = $task AND uscc = (SELECT MIN(uscc) FROM inspection_target WHERE task_id = $task)" >/dev/null
out=$("$Z" draw verify "$task" --db "$d" 2>&1); rc=$?
check "verify of a tampered draw exits 1" test $rc -eq 1
check "verify names the difference" contains "$out" "NOT reproduced"
out=$("$Z" draw "$(new_task "$d")" --db "$d" --seed nothex 2>&1); rc=$?
check "a bad seed exits 1" test $rc -eq 1
check "a bad seed is explained" contains "$out" "seed"
d2=$(new_db d2)
"$Z" demo --db "$d2" --enterprises 1500 --seed 5 --no-serve >/dev/null
task2=$(new_task "$d2")
"$Z" draw "$task2" --db "$d2" --seed "$seed" >/dev/null
check "the same seed on the same data gives the same targets" test \
  "$(sql "$d2" "SELECT uscc || risk_class || hash FROM inspection_target WHERE task_id = $task2 ORDER BY uscc" | md5sum)" = \
  "$(sql "$d" "SELECT uscc || risk_class || hash FROM inspection_target WHERE task_id = $task ORDER BY uscc" | md5sum)"

# serve --port 0: prints the port, answers, stops cleanly on SIGTERM
# import: the report, the exit codes the README promises, idempotence
first=$(sql "$d" "SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1")
header="uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,published_until"
printf '%s\n%s,award,2024-05-01,CLI测试奖,省政府,CLI-1,good,,2024-05-10,\n914403001922038217,award,2024-05-01,x,y,,good,,,\n' \
  "$header" "$first" >"$work/records.csv"
out=$("$Z" import records "$work/records.csv" --db "$d" --format json); rc=$?
check "import with a rejected row exits 0" test $rc -eq 0
check "import json counts accepted and rejected" contains "$out" '"accepted":1,'
check "import json names the bad row and column" contains "$out" '"column":"uscc","reason":"check character'
out=$("$Z" import records "$work/records.csv" --db "$d"); rc=$?
check "re-import exits 0" test $rc -eq 0
check "re-import changes nothing" contains "$out" "inserted 0, updated 0, unchanged 1"
out=$("$Z" import records "$work/records.csv" --db "$d" --strict 2>&1); rc=$?
check "a strict import with a rejected row exits 2" test $rc -eq 2
check "the strict refusal says nothing was written" contains "$out" "refused (--strict)"
out=$("$Z" import enterprises "$work/records.csv" --db "$d" 2>&1); rc=$?
check "a file with the wrong header exits 1" test $rc -eq 1
check "the wrong header is named" contains "$out" "column 2 must be 'name'"
check "the imported record is in the archive" test "$(sql "$d" "SELECT COUNT(*) FROM credit_record WHERE title = 'CLI测试奖'")" = 1

"$Z" serve --db "$d" --address 127.0.0.1 --port 0 >"$work/out" 2>"$work/err" &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on port \([0-9]*\)$/\1/p' "$work/out"); [[ -n "$port" ]] && break; sleep 0.1
done
check "serve prints its port" test -n "$port"
if [[ -n "$port" ]]; then
  out=$(curl -s "http://127.0.0.1:$port/healthz")
  check "healthz answers ok" contains "$out" '"status":"ok"'
  code=$(curl -s -o "$work/body" -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/api/v1/nope")
  check "unknown api path is a 404 problem" test "$code" = "404 application/problem+json"
  out=$(curl -s "http://127.0.0.1:$port/api/v1/stats/overview")
  check "overview counts the demo data" contains "$out" '"enterprises":1500'
fi
kill -TERM "$server_pid"; wait "$server_pid"; rc=$?; server_pid=
check "serve exits 0 on SIGTERM" test $rc -eq 0

echo "cli ($BACKEND): $passed passed, $failed failed"
test $failed -eq 0
