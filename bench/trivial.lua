-- The trivial route, driven exactly like chat.lua (a pre-formatted request per call).
local req
init = function(args)
  req = wrk.format("GET", "/health")
end
request = function()
  return req
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
