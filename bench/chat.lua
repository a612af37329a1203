-- Cycles through realistic merchant messages (not the eval set) so the chat does real work.
-- Requests are formatted once in init(); request() only picks one, the same cost as trivial.lua.
local messages = {
  '{"message":"hvor finner jeg butikk-id","lang":"nb"}',
  '{"message":"naar utloper en ordre","lang":"nb"}',
  '{"message":"hva koster global løsning per transaksjon","lang":"nb"}',
  '{"message":"kan jeg laste ned utbetalingsrapporten som csv","lang":"nb"}',
  '{"message":"where do I find the logs app","lang":"en"}',
  '{"message":"hei","lang":"nb"}',
  '{"message":"hva er været i Bergen","lang":"nb"}',
  '{"message":"testkjøpet går ikke gjennom, får en feilmelding","lang":"nb"}',
}
local requests = {}
local i = 0
init = function(args)
  for k, body in ipairs(messages) do
    requests[k] = wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
  end
end
request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
done = dofile("bench/report.lua")
