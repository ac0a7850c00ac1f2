#!/usr/bin/env bash
# Load test of the local REST API with wrk, on loopback only.
#
#   bench/http/run.sh [DURATION] [CONNECTIONS] [THREADS]     (defaults: 30s 50 2)
#
# Builds target/positionlab.jar if missing, creates a demo workspace in a temporary folder, starts
# `serve` on 127.0.0.1:$PORT (default 18080), warms it up, then runs wrk against GET /api/v1/health
# (the baseline), POST /api/v1/calculate-position-size (KELLY_CRITERION from the stored portfolio) and
# POST /api/v1/kelly-criterion and POST /api/v1/optimize (maximum Sharpe of 50 assets; RUNS= picks), prints
# a RESULT line per run and the server's own /api/v1/metrics, and
# stops the server. Needs wrk (apt-get install wrk), curl and a JDK 17.
set -euo pipefail

DURATION=${1:-30s}
CONNECTIONS=${2:-50}
THREADS=${3:-2}
PORT=${PORT:-18080}
# On 2 cores the JIT is still compiling the sizing path after 30 s of load (measured: the compiler threads
# took a quarter of the CPU at 50 s); 45 s of warm-up reaches the steady state a running server has.
WARMUP=${WARMUP:-45}
SERVE_ARGS=${SERVE_ARGS:-}   # extra `serve` options, e.g. SERVE_ARGS="--threads 64"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-bench.XXXXXX")
DB="jdbc:h2:file:$WORK/ws"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

java -jar "$JAR" demo --db "$DB" >/dev/null

# shellcheck disable=SC2086
java -jar "$JAR" serve --port "$PORT" --db "$DB" $SERVE_ARGS >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
cleanup() {
  kill -TERM "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  grep -q "listening" "$WORK/serve.out" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 0.2
done
cat "$WORK/serve.out"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
echo "== warm-up: ${WARMUP}s of sizings (JIT, caches; not reported)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/size.lua" "$BASE/api/v1/calculate-position-size" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$HERE/kelly.lua" "$BASE/api/v1/kelly-criterion" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$HERE/health.lua" "$BASE/api/v1/health" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$HERE/optimize.lua" "$BASE/api/v1/optimize" >/dev/null

RUNS=${RUNS:-health:/api/v1/health size:/api/v1/calculate-position-size kelly:/api/v1/kelly-criterion optimize:/api/v1/optimize}
for run in $RUNS; do
  script=${run%%:*}
  echo "== $script"
  before=$(stat -c %s "$WORK/ws.mv.db")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/$script.lua" "$BASE${run#*:}" | tee "$WORK/wrk.out"
  if [[ $script == size ]]; then
    # Every sizing answered 200 has committed its position_sized event: the file's growth per sizing.
    after=$(stat -c %s "$WORK/ws.mv.db")
    answered=$(sed -nE 's/.*RESULT .*, ([0-9]+) requests in .*/\1/p' "$WORK/wrk.out")
    echo "GROWTH workspace file $before -> $after bytes over $answered sizings:" \
      "$(( (after - before) / (answered > 0 ? answered : 1) )) bytes per sizing"
  fi
done

echo "== server-side metrics after the runs"
curl -s "$BASE/api/v1/metrics"
echo
