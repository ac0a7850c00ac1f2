#!/usr/bin/env python3
"""Hostile HTTP clients for `positionlab serve`, on 127.0.0.1 only.

    hostile.py slow PORT [N] [SECONDS]   N stalled sockets of each kind; health latency meanwhile
    hostile.py requests PORT [SECONDS]   ~30 hostile requests, then 4 heavy ones at once; health meanwhile
    hostile.py backtests PORT [SECONDS]  hostile backtests, then 4 heavy sweeps at once; health meanwhile

Each prints one line per probe and a final RESULT line. Every socket has a timeout; nothing runs for
longer than the time given.
"""
import json
import socket
import statistics
import sys
import threading
import time

HOST = "127.0.0.1"


def connect(port, timeout=5.0):
    s = socket.create_connection((HOST, port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_all(s, limit_s):
    """Everything until the server closes, or what came before limit_s seconds passed."""
    s.settimeout(limit_s)
    chunks = []
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    except (socket.timeout, ConnectionResetError):
        pass
    return b"".join(chunks)


def exchange(port, raw, limit_s=30.0):
    """(status or None, seconds, bytes of answer) for raw request bytes sent on a new connection."""
    start = time.monotonic()
    try:
        with connect(port, limit_s) as s:
            s.sendall(raw)
            data = read_all(s, limit_s)
    except OSError as e:
        return None, time.monotonic() - start, str(e).encode()
    status = int(data[9:12]) if data.startswith(b"HTTP/1.1 ") else None
    return status, time.monotonic() - start, data


def get(port, path, extra=""):
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}Connection: close\r\n\r\n".encode()


def post(port, path, body, ctype="application/json", extra=""):
    body = body if isinstance(body, bytes) else body.encode()
    ct = f"Content-Type: {ctype}\r\n" if ctype else ""
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{ct}{extra}Content-Length: {len(body)}\r\n"
            f"Connection: close\r\n\r\n").encode() + body


def warm_up(port, n=20):
    """A few health requests first, so that the JIT's first compilations are not measured."""
    for _ in range(n):
        exchange(port, get(port, "/api/v1/health"), 5.0)


class HealthProbe(threading.Thread):
    """GET /api/v1/health on a new connection every 100 ms until stopped; keeps latencies in ms."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.latencies, self.failures, self.stopped = port, [], 0, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            status, seconds, _ = exchange(self.port, get(self.port, "/api/v1/health"), 5.0)
            if status == 200:
                self.latencies.append(seconds * 1000)
            else:
                self.failures += 1
            self.stopped.wait(0.1)

    def summary(self):
        lat = sorted(self.latencies)
        if not lat:
            return f"health_ok=0 health_failed={self.failures}"
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        return (f"health_ok={len(lat)} health_failed={self.failures} health_p50_ms={statistics.median(lat):.1f} "
                f"health_p99_ms={p99:.1f} health_max_ms={lat[-1]:.1f} under_100ms={sum(x < 100 for x in lat)}")


def slow(port, n, seconds):
    """Opens n stalled sockets of each kind and watches health and when the server closes them."""
    kinds = {
        "half-request-line": lambda: b"GET /api/v1/hea",
        "trickled-headers": lambda: f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: ".encode(),
        "stalled-body": lambda: (f"POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                 f"Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{{\"win").encode(),
        "stalled-chunked-body": lambda: (f"POST /api/v1/kelly-criterion HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                         "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         "a\r\n{\"win_pro").encode(),
    }
    warm_up(port)
    probe = HealthProbe(port)
    probe.start()
    time.sleep(0.5)
    baseline = list(probe.latencies)
    opened = time.monotonic()
    sockets = []
    for kind, first in kinds.items():
        for _ in range(n):
            s = connect(port)
            s.sendall(first())
            sockets.append((kind, s))
    closed = {}

    def watch(kind, s, index):
        deadline = opened + seconds
        s.settimeout(1.0)
        data = b""
        while time.monotonic() < deadline:
            if kind == "trickled-headers":
                try:
                    s.sendall(b"a")
                except OSError:
                    break
            try:
                b = s.recv(4096)
                if not b:
                    break
                data += b
            except socket.timeout:
                continue
            except OSError:
                break
        if time.monotonic() < deadline:
            closed[index] = (kind, time.monotonic() - opened, data[9:12].decode() if data else "-")

    watchers = [threading.Thread(target=watch, args=(k, s, i), daemon=True) for i, (k, s) in enumerate(sockets)]
    for w in watchers:
        w.start()
    for w in watchers:
        w.join(seconds + 2)
    probe.stopped.set()
    probe.join(6)
    for _, s in sockets:
        s.close()
    for i, (kind, _) in enumerate(sockets):
        c = closed.get(i)
        print(f"{kind:22s} #{i:<3d} " + (f"closed by the server after {c[1]:.1f} s, answer {c[2]}" if c
                                            else f"still open after {seconds} s"))
    during = probe.latencies[len(baseline):]
    times = [c[1] for c in closed.values()]
    print(f"health before the sockets: {len(baseline)} answers; during: {len(during)}")
    print(f"RESULT slow-sockets kinds={len(kinds)} per_kind={n} closed={len(closed)}/{len(sockets)} "
          + (f"closed_after_s={min(times):.1f}..{max(times):.1f} " if times else "") + probe.summary())


def sizing(port, decision_extra="", book_extra="", params='"sizing_method": "FIXED_PERCENTAGE"'):
    return post(port, "/api/v1/calculate-position-size",
                '{"trading_decision": {"instrument_id": "CHIP", "direction": "LONG", "entry_price": 25.20, '
                '"stop_price": 23.94' + decision_extra + '}, "portfolio_state": {"equity": 1000000, "cash": 500000'
                + book_extra + '}, "sizing_parameters": {' + params + '}}')


def catalogue(port):
    k = "/api/v1/kelly-criterion"
    kelly = '{"win_probability": 0.55, "average_win": 150, "average_loss": 100, "sample_size": 200}'
    return [
        ("valid kelly (control)", post(port, k, kelly)),
        ("valid sizing (control)", sizing(port)),
        ("lot_size 1e-9999999", sizing(port, ', "lot_size": 1e-9999999')),
        ("equity -1e-999999999", sizing(port, book_extra=', "equity": -1e-999999999')),
        ("expected_return 1e999999999", sizing(port, ', "expected_return": 1e999999999')),
        ("win_probability 1e-99999 (kelly)", post(port, k, kelly.replace("0.55", "1e-99999"))),
        ("1 MB string id", sizing(port, ', "decision_id": "' + "x" * 1_000_000 + '"')),
        ("1 MB digits number", post(port, k, kelly.replace("150", "1" * 1_000_000))),
        ("deep nesting 100k", post(port, k, "[" * 100_000 + "]" * 100_000)),
        ("duplicate keys", post(port, k, kelly.replace("{", '{"win_probability": -1, ', 1))),
        ("body over 1 MiB", post(port, k, kelly + " " * (2 << 20))),
        ("Content-Length 1 GB, no body", (f"POST {k} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: "
                                          "application/json\r\nContent-Length: 1000000000\r\n\r\n").encode()),
        ("bad chunk size", (f"POST {k} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                            "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").encode()),
        ("chunk longer than declared", (f"POST {k} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: "
                                        "application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}}}\r\n0\r\n\r\n").encode()),
        ("two Content-Lengths", (f"POST {k} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                                 "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}").encode()),
        ("garbage request line", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"),
        ("bad percent-encoding", get(port, "/api/v1/%zz")),
        ("empty path", f"GET  HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()),
        ("root path", get(port, "/")),
        ("dot-dot path", get(port, "/api/v1/../../etc/passwd")),
        ("10 KB path", get(port, "/api/v1/" + "x" * 10_000)),
        ("20 KB header", get(port, "/api/v1/health", "X-Big: " + "a" * 20_000 + "\r\n")),
        ("foreign Host", get(port, "/api/v1/health").replace(f"127.0.0.1:{port}".encode(), b"evil.example")),
        ("foreign Origin", get(port, "/api/v1/health", "Origin: http://evil.example\r\n")),
        ("null Origin", post(port, k, kelly, extra="Origin: null\r\n")),
        ("text/plain body (CSRF form)", post(port, k, kelly, "text/plain")),
        ("form-encoded body", post(port, k, "a=b", "application/x-www-form-urlencoded")),
        ("no Content-Type", post(port, k, kelly, None)),
        ("wrong method", (f"DELETE {k} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").encode()),
        ("HTTP/9.9", f"GET /api/v1/health HTTP/9.9\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()),
        ("CSV-injection ticker", sizing(port).replace(b'"CHIP"', b"\"=cmd|' /C calc'!A0\"")),
    ]


def at_once(port, heavy, seconds):
    """Sends the requests at once, each on its own connection, while health is measured; returns both."""
    probe = HealthProbe(port)
    probe.start()
    time.sleep(0.5)
    results = []
    threads = [threading.Thread(target=lambda r=r: results.append(exchange(port, r, seconds)), daemon=True)
               for r in heavy]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 2)
    time.sleep(1.0)
    probe.stopped.set()
    probe.join(6)
    return results, probe


def requests(port, seconds):
    worst = 0.0
    statuses = {}
    for name, raw in catalogue(port):
        status, took, data = exchange(port, raw, min(30.0, seconds))
        worst = max(worst, took)
        statuses[status] = statuses.get(status, 0) + 1
        body = data.split(b"\r\n\r\n", 1)[-1] if data else b""
        try:
            error = json.loads(body).get("error", "") if body else ""
            shape = "json"
        except ValueError:
            error, shape = "", "NOT-JSON" if body else "empty"
        print(f"{str(status):>4s} {took * 1000:8.1f} ms {len(data):>8d} B {shape:8s} {error:24s} {name}")
    warm_up(port)
    heavy = [raw for name, raw in catalogue(port) if name.startswith(("lot_size", "equity"))] * 2
    results, probe = at_once(port, heavy, seconds)
    heavy_s = [f"{s}/{t:.1f}s" for s, t, _ in results]
    print(f"4 heavy requests at once (status/time): {' '.join(heavy_s)}")
    print(f"RESULT hostile-requests sent={sum(statuses.values())} five_hundreds={statuses.get(500, 0)} "
          f"no_answer={statuses.get(None, 0)} slowest_s={worst:.2f} " + probe.summary())


UNIVERSE = '["AERO", "AQUA", "BKNR", "MEDX", "RAIL", "GENO", "SEMI", "FOOD"]'


def backtest(port, body):
    return post(port, "/api/v1/backtest", body)


def backtest_catalogue(port):
    u = '{"universe": ' + UNIVERSE + ', '
    heavy_sweep = (u + '"rebalance": "daily", "strategy": {"method": "max_sharpe"}, "sweep": {"lookback": '
                   + json.dumps(list(range(20, 420, 20))) + ', "costs_bps": ' + json.dumps(list(range(20))) + '}}')
    return [
        ("equal weight (control)", backtest(port, u + '"strategy": {"method": "equal_weight"}}')),
        ("max sharpe weekly (control)", backtest(port, u + '"rebalance": "weekly", "strategy": {"method": '
                                                  '"max_sharpe"}, "include_trades": false}')),
        ("prices /dev/zero", backtest(port, '{"prices": "/dev/zero", "strategy": {"method": "equal_weight"}}')),
        ("prices /proc/self/environ", backtest(port, '{"prices": "/proc/self/environ", "strategy": '
                                                     '{"method": "equal_weight"}}')),
        ("prices /etc/shadow", backtest(port, '{"prices": "/etc/shadow", "strategy": {"method": "equal_weight"}}')),
        ("prices and universe", backtest(port, u + '"prices": "x.csv", "strategy": {"method": "equal_weight"}}')),
        ("unknown method 100 KB", backtest(port, u + '"strategy": {"method": "' + "m" * 100_000 + '"}}')),
        ("label 100 KB", backtest(port, u + '"strategy": {"method": "equal_weight", "label": "' + "l" * 100_000
                                  + '"}}')),
        ("lookback 1e9", backtest(port, u + '"lookback": 1000000000, "strategy": {"method": "equal_weight"}}')),
        ("lookback 1e-999", backtest(port, u + '"lookback": 1e-999, "strategy": {"method": "equal_weight"}}')),
        ("drift band 1e-300", backtest(port, u + '"rebalance": {"drift_band": 1e-300}, "strategy": {"method": '
                                       '"equal_weight"}}')),
        ("start year 1, end year 9999", backtest(port, u + '"start": "0001-01-01", "end": "9999-12-31", '
                                                 '"strategy": {"method": "equal_weight"}}')),
        ("capital 1e308", backtest(port, u + '"initial_capital": 1e308, "strategy": {"method": "equal_weight"}}')),
        ("11 strategies", backtest(port, u + '"strategies": ' + json.dumps([{"method": "equal_weight"}] * 11) + '}')),
        ("sweep of 441 points", backtest(port, u + '"strategy": {"method": "equal_weight"}, "sweep": {"lookback": '
                                         + json.dumps(list(range(20, 41))) + ', "costs_bps": '
                                         + json.dumps(list(range(21))) + '}}')),
        ("sweep key 10 KB deep", backtest(port, u + '"strategy": {"method": "equal_weight"}, "sweep": {"strategy.'
                                          + "a." * 5000 + 'b": [1]}}')),
        ("sweep threads 1000", backtest(port, u + '"strategy": {"method": "equal_weight"}, "sweep": {"lookback": '
                                        '[20]}, "threads": 1000}')),
        ("trades 30,000", backtest(port, '{"trades": ' + json.dumps([{"return": 0.01}] * 30_000) + '}')),
        ("trade return 1e300", backtest(port, '{"trades": [{"return": 1e300}]}')),
        ("strategy_id unknown", backtest(port, '{"strategy_id": "nope"}')),
        ("fixed weights 4e0 each", backtest(port, u + '"strategy": {"method": "fixed_weights", "weights": {"AERO": 4,'
                                            ' "AQUA": 4}}}')),
        ("heavy sweep (400 daily max Sharpe)", backtest(port, heavy_sweep)),
    ]


def backtests(port, seconds):
    worst = 0.0
    statuses = {}
    catalogue = backtest_catalogue(port)
    for name, raw in catalogue:
        status, took, data = exchange(port, raw, min(90.0, seconds))
        worst = max(worst, took)
        statuses[status] = statuses.get(status, 0) + 1
        body = data.split(b"\r\n\r\n", 1)[-1] if data else b""
        try:
            answer = json.loads(body) if body else {}
            error = answer.get("error", "") if isinstance(answer, dict) else ""
            message = (answer.get("message", "") or "")[:70] if isinstance(answer, dict) else ""
            shape = "json"
        except ValueError:
            error, message, shape = "", "", "NOT-JSON" if body else "empty"
        print(f"{str(status):>4s} {took * 1000:9.1f} ms {len(data):>8d} B {shape:8s} {error:18s} {name}: {message}")
    warm_up(port)
    heavy = [raw for name, raw in catalogue if name.startswith("heavy")] * 4
    results, probe = at_once(port, heavy, seconds)
    print(f"4 heavy sweeps at once (status/time): {' '.join(f'{s}/{t:.1f}s' for s, t, _ in results)}")
    print(f"RESULT hostile-backtests sent={sum(statuses.values())} five_hundreds={statuses.get(500, 0)} "
          f"no_answer={statuses.get(None, 0)} slowest_s={worst:.2f} " + probe.summary())


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("slow", "requests", "backtests"):
        print(__doc__)
        sys.exit(2)
    p = int(sys.argv[2])
    if sys.argv[1] == "slow":
        slow(p, int(sys.argv[3]) if len(sys.argv) > 3 else 4, float(sys.argv[4]) if len(sys.argv) > 4 else 15)
    elif sys.argv[1] == "backtests":
        backtests(p, float(sys.argv[3]) if len(sys.argv) > 3 else 90)
    else:
        requests(p, float(sys.argv[3]) if len(sys.argv) > 3 else 30)
