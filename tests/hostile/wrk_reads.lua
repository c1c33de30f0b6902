-- wrk against the page's read endpoints, for tests/hostile/serve_load.py:
-- the plans' list, a plan's text, a download of its schedule, and an
-- analysis of a plan's text (a POST that writes nothing), in turn.
-- TIENDO_TOKEN is the session's token; TIENDO_PLAN the plan to analyse.
local token = os.getenv("TIENDO_TOKEN")
local file = assert(io.open(os.getenv("TIENDO_PLAN"), "rb"))
local plan = file:read("*a")
file:close()
local headers = {["X-Tiendo-Token"] = token, ["X-Tiendo"] = "1"}
local n = 0

request = function()
  n = n + 1
  local turn = n % 4
  if turn == 0 then
    return wrk.format("GET", "/api/plans", headers)
  elseif turn == 1 then
    return wrk.format("GET", string.format("/api/plan?file=p%02d.yaml", n % 20), headers)
  elseif turn == 2 then
    return wrk.format("GET", "/api/download?file=p01.yaml&what=schedule.json", headers)
  end
  return wrk.format("POST", "/api/analyze", headers, plan)
end
