#!/usr/bin/env bash
# A catalogue of about 30 hostile requests against `positionlab serve` on loopback:
#
#   bench/hostile/hostile-requests.sh [SECONDS]      (default: 30, the limit per request)
#
# Sends each request on its own connection and prints status, time, answer size, whether the answer is
# JSON and its error code; then sends four heavy sizing requests at once (huge exponents) while measuring
# GET /api/v1/health every 100 ms, and prints a RESULT line. PORT (default 18090) and HEAP (default 1g)
# can be set.
source "$(dirname "$0")/common.sh"
SECONDS_LIMIT=${1:-30}

start_server
timeout $((SECONDS_LIMIT * 3 + 60)) python3 "$HERE/hostile.py" requests "$PORT" "$SECONDS_LIMIT"
curl -s --max-time 10 "http://127.0.0.1:$PORT/api/v1/metrics" | python3 -c 'import json,sys; m=json.load(sys.stdin); print("== server metrics: requests", m["requests"], "4xx", m["client_errors"], "5xx", m["server_errors"], "client_aborts", m.get("client_aborts"))' || echo "== metrics did not answer"
server_log_summary
