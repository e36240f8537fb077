package.path = "bench/wrk/?.lua;" .. package.path
local c = require("common")
done = c.done
