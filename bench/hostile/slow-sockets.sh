#!/usr/bin/env bash
# Stalled sockets against `positionlab serve` on loopback:
#
#   bench/hostile/slow-sockets.sh [N] [SECONDS]      (defaults: 4 of each kind, 15 s)
#
# Opens N sockets of each of four kinds (half a request line; headers trickled a byte a second; a
# Content-Length body that stalls; a chunked body that stalls), measures GET /api/v1/health every 100 ms
# meanwhile, and prints when the server closed each socket and a RESULT line. PORT (default 18090) and
# HEAP (default 1g) can be set.
source "$(dirname "$0")/common.sh"
N=${1:-4}
SECONDS_LIMIT=${2:-15}

start_server
timeout $((SECONDS_LIMIT + 20)) python3 "$HERE/hostile.py" slow "$PORT" "$N" "$SECONDS_LIMIT"
curl -s "http://127.0.0.1:$PORT/api/v1/metrics" | python3 -c 'import json,sys; m=json.load(sys.stdin); print("== server metrics: requests", m["requests"], "4xx", m["client_errors"], "5xx", m["server_errors"], "client_aborts", m.get("client_aborts"))'
server_log_summary
