-- GET /api/v1/dossiers/{id}: random dossiers the caller may see. With BENCH_IDS_FILE, ids from
-- that file (e.g. those on a desk's route); otherwise 1..BENCH_MAX_DOSSIER_ID (ADMIN sees all).
-- Requests are built once at start so that wrk spends its share of the CPU on sending.

local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local requests = {}
local n = 0

function setup(thread)
  common.setup(thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  local headers = common.auth(common.env("BENCH_TOKEN"))
  local ids_file = os.getenv("BENCH_IDS_FILE")
  local ids = nil
  if ids_file and ids_file ~= "" then
    ids = common.read_ids(ids_file)
  end
  local max_id = tonumber(common.env("BENCH_MAX_DOSSIER_ID"))
  for i = 1, 20000 do
    local id = ids and common.pick(ids) or math.random(max_id)
    requests[i] = wrk.format("GET", "/api/v1/dossiers/" .. id, headers)
  end
end

function request()
  n = n + 1
  if n > #requests then
    n = 1
  end
  return requests[n]
end
