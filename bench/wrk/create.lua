-- POST a new patient.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local n = 0
init = function(args) c.headers() end
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/patients", nil,
    '{"firstName":"Bench","lastName":"Patient","phone":"+99890' .. string.format("%07d", n % 10000000) ..
    '","birthDate":"1980-01-01","sex":"female","notes":"load test"}')
end
done = c.done
