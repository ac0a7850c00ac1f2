#!/usr/bin/env bash
# Hostile backtests against `positionlab serve` on loopback:
#
#   bench/hostile/hostile-backtests.sh [SECONDS]      (default: 90, the limit per request)
#
# Sends about 20 hostile POST /api/v1/backtest requests (device and secret files as prices, 100 KB names,
# huge numbers, oversized sweeps and lists, a 10 KB sweep key, a 400-point daily sweep that runs into the 60 s
# compute budget), printing status, time, size and the error; then four of the heavy sweeps at once while
# GET /api/v1/health is measured every 100 ms, and a RESULT line. PORT (default 18090) and HEAP (default 1g).
source "$(dirname "$0")/common.sh"
SECONDS_LIMIT=${1:-90}

start_server
timeout $((SECONDS_LIMIT * 4 + 120)) python3 "$HERE/hostile.py" backtests "$PORT" "$SECONDS_LIMIT"
curl -s --max-time 10 "http://127.0.0.1:$PORT/api/v1/metrics" | python3 -c 'import json,sys; m=json.load(sys.stdin); print("== server metrics: requests", m["requests"], "4xx", m["client_errors"], "5xx", m["server_errors"])' || echo "== metrics did not answer"
server_log_summary
