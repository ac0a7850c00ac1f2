#!/usr/bin/env python3
"""Drives concurrent sizing requests at a local PositionLab API (127.0.0.1 only).

    sizing_client.py PORT SECONDS THREADS OUT_FILE [--expect-any]

Each thread keeps one HTTP/1.1 connection and posts the body of bench/http/size.lua in turn for each
instrument. For every 200 answer the sizing_id of the response is appended to OUT_FILE (one per line,
written as soon as the answer is read). Stops after SECONDS or when the server goes away. Prints one line:
`CLIENT ok=N status_503=N other=N errors=N`.
"""
import http.client
import json
import sys
import threading
import time

INSTRUMENTS = [("BIOV", 166.81), ("BLDR", 183.86), ("BRND", 184.88), ("CARE", 515.11), ("CHIP", 25.20),
               ("DATA", 331.77), ("FINX", 286.31), ("GASX", 185.04), ("INSR", 274.11), ("LUXE", 294.32),
               ("MACH", 116.88), ("QBIT", 283.77), ("TRVL", 49.30), ("VOLT", 464.35), ("WNDR", 136.76)]


def body(i):
    ticker, price = INSTRUMENTS[i % len(INSTRUMENTS)]
    return json.dumps({
        "trading_decision": {"instrument_id": ticker, "direction": "LONG", "entry_price": price,
                             "stop_price": round(price * 0.95, 2), "strategy_id": "TREND",
                             "conviction": "MEDIUM"},
        "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "risk_model": "HISTORICAL_VAR",
                              "confidence_level": 0.95, "lookback_period": 252, "max_position_size": 0.10},
        "risk_constraints": {"max_portfolio_risk": 0.25, "max_sector_weight": 0.35, "leverage_limit": 1.0},
    }).encode()


def main():
    port, seconds, threads, out_path = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    deadline = time.monotonic() + seconds
    counts = {"ok": 0, "status_503": 0, "other": 0, "errors": 0}
    lock = threading.Lock()
    out = open(out_path, "a", buffering=1)

    def run(t):
        conn = None
        i = t
        failures = 0
        while time.monotonic() < deadline and failures < 3:
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
                conn.request("POST", "/api/v1/calculate-position-size", body(i),
                             {"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                failures = 0
                with lock:
                    if resp.status == 200:
                        out.write(json.loads(data)["sizing_id"] + "\n")
                        counts["ok"] += 1
                    elif resp.status == 503:
                        counts["status_503"] += 1
                    else:
                        counts["other"] += 1
                i += threads
            except (OSError, http.client.HTTPException):
                with lock:
                    counts["errors"] += 1
                failures += 1
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.05)

    workers = [threading.Thread(target=run, args=(t,), daemon=True) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(seconds + 30)
    out.close()
    print("CLIENT ok=%(ok)d status_503=%(status_503)d other=%(other)d errors=%(errors)d" % counts, flush=True)


if __name__ == "__main__":
    main()
