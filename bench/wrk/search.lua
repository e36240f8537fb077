-- GET /api/v1/patients?q=..., rotating through URL-encoded queries in MEDORA_QUERIES.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local nextQuery
init = function(args) c.headers(); nextQuery = c.cycle("MEDORA_QUERIES") end
request = function() return wrk.format("GET", "/api/v1/patients?limit=20&q=" .. nextQuery()) end
done = c.done
