-- Transfer + receive: dossiers idle at unit A (sige-datagen's pool, BENCH_XFER_POOL_FILE) go
-- A -> B with A's clerk token, are received by B's clerk, go back B -> A, are received by A,
-- and so on. Each wrk thread owns a share of the pool and tracks where each dossier is, so
-- no request meets a 409: a dossier is never sent while in transit nor received twice.
-- wrk counts both requests: transfer+receive pairs per second = requests/s / 2.

local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local unit_a, unit_b
local headers = {}   -- unit id -> headers with that unit's clerk token
local holder = {}    -- dossier id -> unit id that holds it
local idle = {}      -- dossiers ready to be sent (a stack)
local to_receive = {} -- { transfer id, destination unit } (a queue)
local qhead, qtail = 1, 0
sent, received, errors, conflicts, fillers = 0, 0, 0, 0, 0

function setup(thread)
  common.setup(thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  unit_a = tonumber(common.env("BENCH_XFER_A_UNIT"))
  unit_b = tonumber(common.env("BENCH_XFER_B_UNIT"))
  headers[unit_a] = common.auth(common.env("BENCH_TOKEN_A"))
  headers[unit_b] = common.auth(common.env("BENCH_TOKEN_B"))
  local threads = tonumber(common.env("BENCH_WRK_THREADS"))
  -- BENCH_XFER_POOL_PART "k/n": this wrk run uses the k-th of n disjoint parts of the pool,
  -- so that a later run on the same server never meets a dossier an earlier one left at B
  -- or in transit.
  local part, parts = string.match(common.env("BENCH_XFER_POOL_PART", "1/1"), "(%d+)/(%d+)")
  part, parts = tonumber(part) - 1, tonumber(parts)
  local pool = common.read_ids(common.env("BENCH_XFER_POOL_FILE"))
  for i, id in ipairs(pool) do
    if (i - 1) % (parts * threads) == part * threads + tid then
      holder[id] = unit_a
      table.insert(idle, id)
    end
  end
end

local notes = '"notes":"Para su atención y fines pertinentes."'

function request()
  if qhead <= qtail then
    local item = to_receive[qhead]
    to_receive[qhead] = nil
    qhead = qhead + 1
    return wrk.format("POST", "/api/v1/transfers/" .. item[1] .. "/receive", headers[item[2]], "")
  end
  local id = table.remove(idle)
  if id == nil then
    -- Every dossier of this thread is in flight (more connections than dossiers): ask for
    -- something harmless rather than send a dossier twice.
    fillers = fillers + 1
    return wrk.format("GET", "/healthz")
  end
  local from = holder[id]
  local to = from == unit_a and unit_b or unit_a
  local body = '{"to_unit":' .. to .. ',"action":"attend","permission":"WRITE",' ..
               '"folios_added":' .. math.random(0, 3) .. ',' .. notes .. '}'
  return wrk.format("POST", "/api/v1/dossiers/" .. id .. "/transfers", headers[from], body)
end

function response(status, hdrs, body)
  if status == 201 then
    sent = sent + 1
    local transfer = body:match('"id":(%d+)')
    local to = tonumber(body:match('"to_unit_id":(%d+)'))
    qtail = qtail + 1
    to_receive[qtail] = { transfer, to }
  elseif status == 200 then
    if body:match('"state":"received"') then
      received = received + 1
      local dossier = tonumber(body:match('"dossier_id":(%d+)'))
      holder[dossier] = tonumber(body:match('"to_unit_id":(%d+)'))
      table.insert(idle, dossier)
    end
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  common.report("transfer", { "sent", "received", "conflicts", "errors", "fillers" })
end
