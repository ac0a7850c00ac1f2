#!/usr/bin/env bash
# kill -9 of the API under load loses no acknowledged sizing event (loopback only).
#
#   bench/crash/kill9-api.sh [RUNS] [CLIENT_THREADS]        (defaults: 30 16)
#
# Builds target/positionlab.jar if missing, creates a demo workspace in a temporary folder, then RUNS
# times: starts `serve` on 127.0.0.1:$PORT (default 18090), drives concurrent sizing requests
# (sizing_client.py records the sizing_id of every 200 answer), kills the server with SIGKILL after a
# random 0.5-3 s of load (counted from the first answer), and checks, through the `events` export of the reopened workspace, that every
# acknowledged sizing has its position_sized event. Prints a RUN line per run and one RESULT line.
set -euo pipefail

RUNS=${1:-30}
THREADS=${2:-16}
PORT=${PORT:-18090}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-kill9.XXXXXX")
DB="jdbc:h2:file:$WORK/ws"
SERVER=""

cleanup() {
  if [[ -n "$SERVER" ]]; then kill -9 "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q -o package -DskipTests)
fi
java -jar "$JAR" demo --db "$DB" >/dev/null

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs, $THREADS client threads"
acked_total=0
lost_total=0
runs_with_loss=0
: >"$WORK/acked-all"
for run in $(seq 1 "$RUNS"); do
  : >"$WORK/serve.out"
  java -jar "$JAR" serve --port "$PORT" --db "$DB" --threads "$THREADS" >"$WORK/serve.out" 2>"$WORK/serve.err" &
  SERVER=$!
  for _ in $(seq 1 150); do
    grep -q "listening" "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "listening" "$WORK/serve.out" || { echo "server did not start" >&2; cat "$WORK/serve.err" >&2; exit 1; }
  : >"$WORK/acked"
  python3 "$HERE/sizing_client.py" "$PORT" 60 "$THREADS" "$WORK/acked" >"$WORK/client.out" &
  CLIENT=$!
  # The first answers wait for the JIT and the caches: the random delay counts from the first 200.
  for _ in $(seq 1 300); do
    [[ -s "$WORK/acked" ]] && break
    sleep 0.1
  done
  delay=$(python3 -c 'import random; print(round(random.uniform(0.5, 3.0), 2))')
  sleep "$delay"
  kill -9 "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
  wait "$CLIENT" || true
  cat "$WORK/acked" >>"$WORK/acked-all"
  java -jar "$JAR" events --db "$DB" --out "$WORK/events.jsonl" 2>/dev/null
  python3 - "$WORK/acked" "$WORK/events.jsonl" "$run" "$delay" "$(cat "$WORK/client.out")" >"$WORK/run.out" <<'PY'
import json, sys
acked = [l.strip() for l in open(sys.argv[1]) if l.strip()]
stored = set()
for line in open(sys.argv[2]):
    if line.strip():
        stored.add(json.loads(line)["sizing_id"])
missing = [a for a in acked if a not in stored]
print("RUN %s killed after %ss: acknowledged=%d missing=%d stored_total=%d (%s)"
      % (sys.argv[3], sys.argv[4], len(acked), len(missing), len(stored), sys.argv[5]))
PY
  cat "$WORK/run.out"
  acked=$(sed -E 's/.*acknowledged=([0-9]+).*/\1/' "$WORK/run.out")
  missing=$(sed -E 's/.*missing=([0-9]+).*/\1/' "$WORK/run.out")
  acked_total=$((acked_total + acked))
  lost_total=$((lost_total + missing))
  if [[ "$missing" -gt 0 ]]; then runs_with_loss=$((runs_with_loss + 1)); fi
done
echo "RESULT runs=$RUNS acknowledged=$acked_total lost=$lost_total runs_with_loss=$runs_with_loss"
[[ "$lost_total" -eq 0 ]]
