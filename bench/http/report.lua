-- Shared by the wrk scripts here: one summary line per run, latencies in milliseconds.
-- wrk's own output (with --latency) has the full distribution; this line is for the README table.
function report(name)
  return function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
      "RESULT %s: %.0f requests/s, %d requests in %.1f s, latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f, " ..
      "non-2xx %d, socket errors %d\n",
      name, summary.requests / seconds, summary.requests, seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
  end
end
