-- wrk script (src/test/scripts/cost-per-request.sh): each request takes a random line of the file named by the
-- environment variable WRK_PATHS: "GET <path>" or "POST <path> <json body>"; prints the one-line summary of wrk-p95.lua
local lines = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if #line > 0 then lines[#lines + 1] = line end
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
request = function()
  local line = lines[math.random(#lines)]
  local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
  if method == "POST" then
    -- wrk.format takes the given headers instead of wrk.headers (the -H ones): copy them
    local headers = { ["Content-Type"] = "application/json" }
    for k, v in pairs(wrk.headers) do headers[k] = v end
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    latency:percentile(50)/1000, latency:percentile(95)/1000, latency:percentile(99)/1000, latency.max/1000))
end
