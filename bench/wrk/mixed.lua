-- 90 % reads (patient by id), 10 % creates.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local nextID, n
init = function(args) c.headers(); nextID = c.cycle("MEDORA_IDS"); n = 0 end
request = function()
  n = n + 1
  if n % 10 == 0 then
    return wrk.format("POST", "/api/v1/patients", nil,
      '{"firstName":"Mixed","lastName":"Load","phone":"+99891' .. string.format("%07d", n % 10000000) .. '"}')
  end
  return wrk.format("GET", "/api/v1/patients/" .. nextID())
end
done = c.done
