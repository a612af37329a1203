-- The trivial route, driven exactly like chat.lua (a pre-formatted request per call).
local req
init = function(args)
  req = wrk.format("GET", "/health")
end
request = function()
  return req
end
done = dofile("bench/report.lua")
