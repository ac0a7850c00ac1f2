#!/usr/bin/env bash
# kill -9 during `backtest --db`, which stores each backtest it prints:
#
#   bench/crash/kill9-backtest.sh [RUNS]      (default 20)
#
# Each run starts a backtest of the demo workspace (four strategies, weekly, about 1-3 s), kills it with
# SIGKILL 0.3-3 s later, and counts it as acknowledged when it had printed its answer. After every run the
# workspace must open (`portfolio --db`), and at the end the store must hold at least every acknowledged
# backtest and no more than were started. Prints a RUN line per run and RESULT; exits 1 on a loss.
set -euo pipefail
RUNS=${1:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-kill9bt.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -o package -DskipTests)
DB="jdbc:h2:file:$WORK/ws"
java -jar "$JAR" demo --db "$DB" >/dev/null
cat > "$WORK/request.json" <<'JSON'
{"universe": ["AERO", "AQUA", "BKNR", "MEDX", "RAIL", "GENO", "SEMI", "FOOD", "SHOP", "CLDX"],
 "lookback": 120, "rebalance": "weekly", "costs_bps": 10,
 "strategies": [{"method": "equal_weight"}, {"method": "max_sharpe"}, {"method": "min_volatility"},
                {"method": "hrp"}]}
JSON
acknowledged=0
for run in $(seq 1 "$RUNS"); do
  java -jar "$JAR" backtest --db "$DB" "$WORK/request.json" >"$WORK/out.$run" 2>"$WORK/err.$run" &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.3, 3.0), 2))")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$WORK/out.$run" 2>/dev/null; then
    acknowledged=$((acknowledged + 1)); state=answered
  else
    state=killed
  fi
  if ! java -jar "$JAR" portfolio --db "$DB" >/dev/null 2>"$WORK/open.$run"; then
    echo "RUN $run $state: the workspace did not open"; cat "$WORK/open.$run"; exit 1
  fi
  echo "RUN $run $state"
done
stored=$(java -cp "$JAR" org.h2.tools.Shell -url "$DB" -user sa -password "" -sql "SELECT COUNT(*) FROM backtests" \
  | grep -Eo '^[0-9]+' | head -1)
echo "RESULT runs=$RUNS acknowledged=$acknowledged stored=$stored"
if (( stored < acknowledged || stored > RUNS )); then
  echo "LOST or invented backtests"; exit 1
fi
