-- GET one patient by id (authenticated, decrypted), rotating through MEDORA_IDS.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local ids, i
init = function(args) c.headers(); ids = c.lines(os.getenv("MEDORA_IDS")); i = math.random(#ids) end
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/patients/" .. ids[i])
end
done = c.done
