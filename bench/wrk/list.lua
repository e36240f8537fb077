-- GET /api/v1/patients?limit=20&offset=N: the list's pages over a doctor's first 4,000 patients
-- (about the read cache's size: the pages a practice looks at again and again).
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local page
init = function(args) c.headers(); page = math.random(200) end
request = function()
  page = page % 200 + 1
  return wrk.format("GET", "/api/v1/patients?limit=20&offset=" .. ((page - 1) * 20))
end
done = c.done
