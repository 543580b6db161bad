-- Adds the API token to every request, and prints the figures as one JSON line at the end.
-- THIDUA_BENCH_GZIP=1 asks for a compressed body and THIDUA_BENCH_ETAG=… revalidates a copy the
-- client already holds, as a browser does.
local token = os.getenv("THIDUA_BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if os.getenv("THIDUA_BENCH_GZIP") == "1" then
  wrk.headers["Accept-Encoding"] = "gzip"
end
local etag = os.getenv("THIDUA_BENCH_ETAG")
if etag and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.3f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, e.connect, e.read, e.write, e.status, e.timeout))
end
