# Sourced by the scripts of bench/hostile: builds the jar if missing, creates a demo workspace in a
# temporary folder, starts `serve` on 127.0.0.1:$PORT with a bounded heap, and stops it on exit.
set -euo pipefail

PORT=${PORT:-18090}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-hostile.XXXXXX")
DB="jdbc:h2:file:$WORK/ws"
SERVER=

if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q -o package -DskipTests)
fi

cleanup() {
  if [[ -n "$SERVER" ]]; then
    kill -TERM "$SERVER" 2>/dev/null || true
    timeout 20 tail --pid="$SERVER" -f /dev/null 2>/dev/null || kill -KILL "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {
  java -jar "$JAR" demo --db "$DB" >/dev/null
  java -Xmx${HEAP:-1g} -jar "$JAR" serve --port "$PORT" --db "$DB" >"$WORK/serve.out" 2>"$WORK/serve.err" &
  SERVER=$!
  for _ in $(seq 1 150); do
    grep -q "listening" "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
    sleep 0.2
  done
  cat "$WORK/serve.out"
  echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

server_log_summary() {
  echo "== server log: $(grep -c ' ERROR ' "$WORK/serve.err" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/serve.err" || true) WARN lines, $(grep -c '^\s*at ' "$WORK/serve.err" || true) stack frames, $(grep -c 'OutOfMemoryError' "$WORK/serve.err" || true) OutOfMemoryError"
  kill -0 "$SERVER" 2>/dev/null && echo "== server still running" || echo "== SERVER DIED"
}
