#!/usr/bin/env bash
# A disk that fills up under the running API: sizings get 503 with the reason, health says DEGRADED,
# and both recover once space is freed; every sizing answered 200 has its event (loopback only).
#
#   bench/crash/full-disk-api.sh                     (needs root: mounts a tmpfs; SIZE=64m by default)
#
# Builds target/positionlab.jar if missing, mounts a tmpfs of $SIZE, creates the demo workspace on it,
# starts `serve` on 127.0.0.1:$PORT (default 18091), then: load (expect 200, health UP); fill the disk
# with dd; load (expect 503 naming the disk, health DEGRADED 503); delete the filler; wait for health
# UP; load (expect 200); stop the server (SIGTERM) and check through `events` that every 200 answer has
# its event. Unmounts the tmpfs at the end whatever happens. Prints CHECK lines and one RESULT line.
set -euo pipefail

SIZE=${SIZE:-64m}
PORT=${PORT:-18091}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-fulldisk.XXXXXX")
DISK="$WORK/disk"
DB="jdbc:h2:file:$DISK/ws"
BASE="http://127.0.0.1:$PORT"
SERVER=""
FAILED=0

cleanup() {
  if [[ -n "$SERVER" ]]; then kill -9 "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  umount "$DISK" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
LOG_COPY=${LOG_COPY:-}   # set to a path to keep the server's log

check() { # NAME CONDITION-RESULT(0/1) DETAIL
  if [[ "$2" -eq 0 ]]; then echo "CHECK ok   $1: $3"; else echo "CHECK FAIL $1: $3"; FAILED=$((FAILED + 1)); fi
}
health() { curl -s -o "$WORK/health.json" -w '%{http_code}' "$BASE/api/v1/health" || echo 000; }
load() { # SECONDS LABEL
  : >"$WORK/acked-$2"
  python3 "$HERE/sizing_client.py" "$PORT" "$1" 8 "$WORK/acked-$2" | tee "$WORK/client-$2.out"
  cat "$WORK/acked-$2" >>"$WORK/acked-all"
}
field() { sed -E "s/.*$1=([0-9]+).*/\\1/" "$2"; }

if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q -o package -DskipTests)
fi
mkdir -p "$DISK"
mount -t tmpfs -o size="$SIZE" tmpfs "$DISK"
java -jar "$JAR" demo --db "$DB" >/dev/null
rm -f "$DISK"/ws.backup.zip   # the demo's backup would take half the disk; the test is about the live file
: >"$WORK/acked-all"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); tmpfs $SIZE: $(df -h "$DISK" | tail -1)"

java -jar "$JAR" serve --port "$PORT" --db "$DB" --threads 8 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
for _ in $(seq 1 150); do
  grep -q "listening" "$WORK/serve.out" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 0.2
done

echo "== 1. space left"
load 5 before
check "sizings answered 200 with space" "$([[ $(field ok "$WORK/client-before.out") -gt 0 ]]; echo $?)" "$(cat "$WORK/client-before.out")"
code=$(health)
check "health UP with space" "$([[ $code == 200 ]] && grep -q '"status":"UP"' "$WORK/health.json"; echo $?)" "$code $(cat "$WORK/health.json")"

echo "== 2. disk full"
dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null || true
df -h "$DISK" | tail -1
# H2 first fills the free space inside its file: those writes succeed (and are answered 200, rightly).
# Load in 3 s rounds until the file has to grow and writes fail (at most 20 rounds).
: >"$WORK/client-full.out"
for round in $(seq 1 20); do
  load 3 "full$round" >/dev/null
  cat "$WORK/client-full$round.out" >>"$WORK/client-full.out"
  [[ $(field status_503 "$WORK/client-full$round.out") -gt 0 ]] && break
done
python3 - "$WORK/client-full.out" >"$WORK/client-full.sum" <<'PY'
import re, sys
tot = {}
for line in open(sys.argv[1]):
    for k, v in re.findall(r"(\w+)=(\d+)", line):
        tot[k] = tot.get(k, 0) + int(v)
print("CLIENT " + " ".join("%s=%d" % kv for kv in tot.items()) + " (%d rounds of 3 s)" % len(open(sys.argv[1]).readlines()))
PY
mv "$WORK/client-full.sum" "$WORK/client-full.out"
cat "$WORK/client-full.out"
check "sizings answered 503 on a full disk" "$([[ $(field status_503 "$WORK/client-full.out") -gt 0 ]]; echo $?)" "$(cat "$WORK/client-full.out")"
code=$(health)
check "health DEGRADED naming the disk" "$([[ $code == 503 ]] && grep -q 'DEGRADED' "$WORK/health.json" && grep -qi 'disk' "$WORK/health.json"; echo $?)" "$code $(cat "$WORK/health.json")"
curl -s -X POST -H 'Content-Type: application/json' -o "$WORK/refused.json" "$BASE/api/v1/calculate-position-size" \
  --data "$(python3 -c 'import sys; sys.path.insert(0, "'"$HERE"'"); import sizing_client; print(sizing_client.body(0).decode())')" || true
echo "   a refused sizing: $(cat "$WORK/refused.json")"

echo "== 3. space freed"
rm -f "$DISK/filler"
code=000
for _ in $(seq 1 50); do
  code=$(health)
  [[ $code == 200 ]] && break
  sleep 0.2
done
check "health UP again after space is freed (no sizing needed)" "$([[ $code == 200 ]]; echo $?)" "$code $(cat "$WORK/health.json")"
load 5 after
check "sizings answered 200 again" "$([[ $(field ok "$WORK/client-after.out") -gt 0 ]]; echo $?)" "$(cat "$WORK/client-after.out")"

kill -TERM "$SERVER"
wait "$SERVER" 2>/dev/null || true
SERVER=""
warns=$(grep -c "WARN .*StoreWriteHealth" "$WORK/serve.err" || true)
infos=$(grep -c "INFO .*StoreWriteHealth" "$WORK/serve.err" || true)
errors=$(grep -c " ERROR " "$WORK/serve.err" || true)
outbox=$(grep -c "SizingEventOutbox" "$WORK/serve.err" || true)
check "the log says it once each way; no 500, no outbox trace" \
  "$([[ $warns -eq 1 && $infos -eq 1 && $errors -eq 0 && $outbox -eq 0 ]]; echo $?)" \
  "WARN=$warns INFO=$infos ERROR=$errors outbox-lines=$outbox"
grep "StoreWriteHealth" "$WORK/serve.err" | sed 's/^/   log: /'
if [[ -n "$LOG_COPY" ]]; then cp "$WORK/serve.err" "$LOG_COPY"; fi

java -jar "$JAR" events --db "$DB" --out "$WORK/events.jsonl" 2>/dev/null
missing=$(python3 - "$WORK/acked-all" "$WORK/events.jsonl" <<'PY'
import json, sys
acked = [l.strip() for l in open(sys.argv[1]) if l.strip()]
stored = {json.loads(l)["sizing_id"] for l in open(sys.argv[2]) if l.strip()}
print(sum(1 for a in acked if a not in stored))
PY
)
acked=$(wc -l <"$WORK/acked-all")
check "every sizing answered 200 has its event" "$([[ $missing -eq 0 ]]; echo $?)" "acknowledged=$acked missing=$missing"
echo "RESULT checks_failed=$FAILED acknowledged=$acked lost=$missing"
[[ $FAILED -eq 0 ]]
