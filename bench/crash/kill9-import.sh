#!/usr/bin/env bash
# kill -9 during a large price import: the import is all-or-nothing and the workspace opens at once.
#
#   bench/crash/kill9-import.sh [ROUNDS] [ROWS]      (defaults: 25 rounds, 200000 rows)
#
# Generates a long-format price CSV (date,instrument,close) of ROWS rows over 40 new tickers, creates one
# demo workspace, then per round: copies it, starts `import --prices` in the background, kills it with
# SIGKILL at a random moment within the measured length of a full import, reopens the workspace with
# `portfolio` (which finishes or purges the interrupted import), and counts the imported rows with
# H2's Shell. A round is "partial" when the count is neither 0 nor ROWS, "failed open" when the reopen
# fails or takes over $OPEN_TIMEOUT s (default 300; an open that finishes an interrupted
# import merges its staged rows, which takes about as long as the move step of an import). Prints one RESULT line. Touches only files in a temporary folder.
# Uses target/positionlab.jar (built if missing), or the class path in $POSITIONLAB_CP. With KEEP_FAILED=DIR,
# the workspace of a round that ends partial or fails to open is kept in DIR as it was right after the kill.
set -euo pipefail

ROUNDS=${1:-25}
ROWS=${2:-200000}
OPEN_TIMEOUT=${OPEN_TIMEOUT:-300}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [[ -n "${POSITIONLAB_CP:-}" ]]; then
  CP=$POSITIONLAB_CP
else
  CP="$ROOT/target/positionlab.jar"
  [[ -f "$CP" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-kill9.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
pl() { java -cp "$CP" com.positionlab.Launcher "$@"; }
count() {
  java -cp "$CP" org.h2.tools.Shell -url "jdbc:h2:file:$1;WRITE_DELAY=0" -user sa \
    -sql "SELECT COUNT(*) FROM prices WHERE instrument_id LIKE 'KX%'" 2>/dev/null | sed -n 2p | tr -d ' '
}

python3 - "$WORK/prices.csv" "$ROWS" <<'PY'
import datetime, sys
path, rows = sys.argv[1], int(sys.argv[2])
per = -(-rows // 40)
start = datetime.date(1980, 1, 1)
with open(path, "w") as f:
    f.write("date,instrument,close\n")
    n = 0
    for t in range(40):
        for i in range(per):
            if n == rows:
                break
            f.write(f"{start + datetime.timedelta(days=i)},KX{t:02d},{100 + i * 0.01 + t:.2f}\n")
            n += 1
PY
pl demo --db "$WORK/fresh/ws" >/dev/null

# The kill window is the shorter of two full imports: one slowed down by a busy machine would put most
# kills after the import had finished.
full_ms=0
for _ in 1 2; do
  rm -rf "$WORK/full"; cp -r "$WORK/fresh" "$WORK/full"
  t0=$(date +%s%N)
  pl import --prices "$WORK/prices.csv" --db "$WORK/full/ws" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  (( full_ms == 0 || ms < full_ms )) && full_ms=$ms
done
echo "full import of $ROWS rows: $full_ms ms, imported rows: $(count "$WORK/full/ws")"

partial=0; failed=0; complete=0; none=0; max_open_ms=0
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/r"; cp -r "$WORK/fresh" "$WORK/r"
  span=$(( full_ms > 400 ? full_ms - 300 : 100 ))
  delay_ms=$(( 300 + (RANDOM * 32768 + RANDOM) % span ))
  java -cp "$CP" com.positionlab.Launcher import --prices "$WORK/prices.csv" --db "$WORK/r/ws" >/dev/null 2>&1 &
  pid=$!   # the JVM itself, not a subshell
  sleep "$(awk "BEGIN { print $delay_ms / 1000 }")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n "${KEEP_FAILED:-}" ]] && { rm -rf "$WORK/killed"; cp -r "$WORK/r" "$WORK/killed"; }
  t0=$(date +%s%N)
  set +e
  timeout "$OPEN_TIMEOUT" java -cp "$CP" com.positionlab.Launcher portfolio --db "$WORK/r/ws" >/dev/null 2>"$WORK/open.err"
  rc=$?
  set -e
  if [[ $rc -eq 0 ]]; then
    open_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    (( open_ms > max_open_ms )) && max_open_ms=$open_ms
    n=$(count "$WORK/r/ws")
    if [[ "$n" == "0" ]]; then none=$((none + 1)); state=none
    elif [[ "$n" == "$ROWS" ]]; then complete=$((complete + 1)); state=complete
    else partial=$((partial + 1)); state="PARTIAL($n)"; fi
  else
    failed=$((failed + 1)); open_ms=-1
    state="FAILED OPEN (exit $rc, timeout ${OPEN_TIMEOUT}s): $(grep -v WARN "$WORK/open.err" | head -c 200)"
  fi
  echo "round $round: killed after $delay_ms ms, reopened in $open_ms ms, import $state"
  if [[ -n "${KEEP_FAILED:-}" && $state != none && $state != complete ]]; then
    mkdir -p "$KEEP_FAILED"; cp -r "$WORK/killed" "$KEEP_FAILED/round-$round"
  fi
done
echo "RESULT kill9-import rounds=$ROUNDS rows=$ROWS partial=$partial failed_open=$failed complete=$complete none=$none max_reopen_ms=$max_open_ms full_import_ms=$full_ms load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
