-- GET one patient by id (authenticated, decrypted), rotating through MEDORA_IDS.
package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
local nextID
init = function(args) c.headers(); nextID = c.cycle("MEDORA_IDS") end
request = function() return wrk.format("GET", "/api/v1/patients/" .. nextID()) end
done = c.done
