#!/usr/bin/env bash
# `zhiliang plan parse` as a user runs it: the seed plan as JSON and as text, and the exit
# codes and messages for an empty, a missing and a non-plan file.
# Usage: plan_cli_test.sh PATH_TO_ZHILIANG [SEED_DIR]
# Without the seed plan (../shared/seed) the seed checks are skipped, the others still run.
set -uo pipefail
Z=$1
SEED=${2:-$(dirname "$0")/../../shared/seed}/hebei-2014-quality-action-plan.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name" >&2; fi
}
contains() { grep -q -- "$2" <<<"$1"; }

out=$("$Z" plan parse --help 2>&1); rc=$?
check "help exits 0" test $rc -eq 0
check "help shows usage" contains "$out" "Usage"

if [[ -f $SEED ]]; then
  "$Z" plan parse "$SEED" --format json >"$work/seed.json" 2>"$work/err"; rc=$?
  check "the seed parses (exit 0)" test $rc -eq 0
  check "the seed has 4 parts and 6/3/5/4 items" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert [len(p["items"]) for p in d["parts"]] == [6, 3, 5, 4], d["parts"]
assert d["title"].endswith("2014年行动计划"), d["title"]
item = d["parts"][3]["items"][1]
assert {"text": "省级20家", "value": 20, "unit": "家"} in item["targets"], item["targets"]
assert d["parts"][0]["items"][0]["lead_department"] is None
assert len(d["warnings"]) == 1 and d["warnings"][0].startswith("line 58"), d["warnings"]
' "$work/seed.json"
  check "json is UTF-8, not \\u escapes" grep -q "加强重点领域质量安全监管" "$work/seed.json"
  out=$("$Z" plan parse "$SEED" 2>&1); rc=$?
  check "text outline exits 0" test $rc -eq 0
  check "text outline has the parts" contains "$out" "四、强化质量治理体系和能力建设"
  check "text outline has targets" contains "$out" "target: 质量管理骨干1500名 = 1500 名"
  check "text outline has the warning" contains "$out" "warnings: 1"
else
  echo "plan cli: $SEED not found; skipping the seed checks"
fi

: >"$work/empty.txt"
out=$("$Z" plan parse "$work/empty.txt" 2>&1); rc=$?
check "an empty file exits 1" test $rc -eq 1
check "an empty file is named" contains "$out" "zhiliang: $work/empty.txt: the document is empty"

printf '某某通知\n请认真贯彻落实。\n' >"$work/letter.txt"
out=$("$Z" plan parse "$work/letter.txt" --format json 2>&1); rc=$?
check "a file without parts exits 1" test $rc -eq 1
check "a file without parts says so" contains "$out" "no part heading"

out=$("$Z" plan parse "$work/missing.txt" 2>&1); rc=$?
check "a missing file exits non-zero" test $rc -ne 0
check "a missing file is named" contains "$out" "$work/missing.txt: no such file"

out=$("$Z" plan parse "$work/empty.txt" --format xml 2>&1); rc=$?
check "a bad --format is a usage error" test $rc -ne 0

echo "plan cli: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
