-- GET /api/v1/dossiers?q=...: what clerks type in the search box (common words, a surname,
-- two words), alone or with filters (state, type, dates, reserved), first page of 50.

local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local requests = {}
local n = 0

function setup(thread)
  common.setup(thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  local headers = common.auth(common.env("BENCH_TOKEN"))
  local words = common.split(common.env("BENCH_SEARCH_WORDS"), ",")
  local types = common.split(common.env("BENCH_EXTERNAL_TYPES") .. "," ..
                             common.env("BENCH_INTERNAL_TYPES"), ",")
  local states = { "registered", "in_process", "archived" }
  local months = { "2026-03", "2026-06", "2026-08", "2026-10" }
  for i = 1, 5000 do
    local r = math.random()
    local query
    if r < 0.45 then
      query = "q=" .. common.pick(words)
    elseif r < 0.60 then
      query = "q=" .. common.pick(words) .. "%20" .. common.pick(words)
    elseif r < 0.75 then
      query = "q=" .. common.pick(words) .. "&state=" .. common.pick(states)
    elseif r < 0.85 then
      local m = common.pick(months)
      query = "type=" .. common.pick(types) .. "&from=" .. m .. "-01&to=" .. m .. "-28"
    elseif r < 0.95 then
      query = "state=" .. common.pick(states) .. "&type=" .. common.pick(types)
    else
      query = "q=" .. common.pick(words) .. "&reserved=true"
    end
    requests[i] = wrk.format("GET", "/api/v1/dossiers?" .. query, headers)
  end
end

function request()
  n = n + 1
  if n > #requests then
    n = 1
  end
  return requests[n]
end
