-- Shared by the bench scripts: auth header, word lists from files, and a JSON summary line.
local M = {}

function M.lines(path)
  local t = {}
  if path == nil then return t end
  for line in io.lines(path) do if #line > 0 then t[#t + 1] = line end end
  return t
end

-- Cycles through the lines of the file named by environment variable `name`, from a random start.
function M.cycle(name)
  local items = M.lines(os.getenv(name))
  local i = math.random(#items)
  return function()
    i = i % #items + 1
    return items[i]
  end
end

function M.headers()
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("MEDORA_TOKEN") or "")
  wrk.headers["Content-Type"] = "application/json"
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end

return M
