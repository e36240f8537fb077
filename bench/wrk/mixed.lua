-- 90 % reads (patient by id), 10 % creates.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local ids, i, n
init = function(args) c.headers(); ids = c.lines(os.getenv("MEDORA_IDS")); i = math.random(#ids); n = 0 end
request = function()
  n = n + 1
  if n % 10 == 0 then
    return wrk.format("POST", "/api/v1/patients", nil,
      '{"firstName":"Mixed","lastName":"Load","phone":"+99891' .. string.format("%07d", n % 10000000) .. '"}')
  end
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/patients/" .. ids[i])
end
done = c.done
