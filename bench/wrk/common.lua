-- Helpers shared by the wrk scripts of bench/run.sh (loaded with dofile from each script).
-- Everything they need comes from the environment: BENCH_TOKEN (a bearer token from
-- POST /api/v1/session) and the BENCH_* values that sige-datagen wrote in bench.env.

local M = {}

function M.env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then
    if default == nil then
      error("falta la variable de entorno " .. name)
    end
    return default
  end
  return v
end

function M.split(text, sep)
  local out = {}
  for item in string.gmatch(text, "([^" .. sep .. "]+)") do
    table.insert(out, item)
  end
  return out
end

function M.read_ids(path)
  local ids = {}
  local f = assert(io.open(path, "r"), "no se puede leer " .. path)
  for line in f:lines() do
    local id = tonumber(line)
    if id then
      table.insert(ids, id)
    end
  end
  f:close()
  return ids
end

function M.pick(list)
  return list[math.random(#list)]
end

function M.auth(token)
  return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

-- Per-thread counters reported by done(): wrk gives each thread its own Lua state, so the
-- main state collects them through thread:get.
M.threads = {}
local next_id = 0
function M.setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(M.threads, thread)
end

function M.report(name, keys)
  local totals = {}
  for _, k in ipairs(keys) do
    totals[k] = 0
  end
  for _, t in ipairs(M.threads) do
    for _, k in ipairs(keys) do
      totals[k] = totals[k] + (t:get(k) or 0)
    end
  end
  local parts = {}
  for _, k in ipairs(keys) do
    table.insert(parts, k .. "=" .. totals[k])
  end
  io.write("BENCH " .. name .. " " .. table.concat(parts, " ") .. "\n")
end

return M
