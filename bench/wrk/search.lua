-- GET /api/v1/patients?q=..., rotating through URL-encoded queries in MEDORA_QUERIES.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local qs, i
init = function(args) c.headers(); qs = c.lines(os.getenv("MEDORA_QUERIES")); i = math.random(#qs) end
request = function()
  i = i % #qs + 1
  return wrk.format("GET", "/api/v1/patients?limit=20&q=" .. qs[i])
end
done = c.done
