-- POST /api/v1/dossiers: a desk registers external dossiers (applicant with DNI or RUC with
-- its check digit) and now and then an internal one; summaries, priorities and reservation
-- vary as in the generated data. BENCH_TOKEN is a DESK clerk's.

local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local requests = {}
local n = 0

local first = { "María", "José", "Juan", "Rosa", "Luis", "Carmen", "Jorge", "Lucía", "Percy", "Nelly" }
local last = { "Quispe", "Mamani", "Huamán", "Flores", "García", "Rojas", "Chávez", "Condori",
               "Núñez", "Paredes", "Salazar", "Ramírez" }
local asks = { "Solicita licencia de funcionamiento para bodega",
               "Solicita constancia de posesión",
               "Reclamo por cobro indebido de arbitrios",
               "Solicita acceso a la información pública: planilla del personal",
               "Solicita certificado de parámetros urbanísticos",
               "Denuncia por construcción sin licencia en Jr. Grau 450",
               "Recurso de reconsideración contra resolución de multa",
               "Solicita licencia de edificación modalidad B para vivienda unifamiliar" }

local function ruc20()
  local d = "20" .. tostring(math.random(10000000, 61999999))
  local w = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 }
  local sum = 0
  for i = 1, 10 do
    sum = sum + tonumber(d:sub(i, i)) * w[i]
  end
  local check = 11 - sum % 11
  if check == 10 then check = 0 elseif check == 11 then check = 1 end
  return d .. tostring(check)
end

function setup(thread)
  common.setup(thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  local headers = common.auth(common.env("BENCH_TOKEN"))
  local external = common.split(common.env("BENCH_EXTERNAL_TYPES"), ",")
  for i = 1, 4000 do
    local body
    local priority = math.random() < 0.1 and "urgent" or "normal"
    local reserved = math.random() < 0.05 and "true" or "false"
    local folios = math.random(1, 60)
    local summary = common.pick(asks) .. " (" .. i .. ")"
    local id_type, id_number, name
    if math.random() < 0.8 then
      id_type, id_number = "DNI", tostring(math.random(10000000, 79999999))
      name = common.pick(first) .. " " .. common.pick(last) .. " " .. common.pick(last)
    else
      id_type, id_number = "RUC", ruc20()
      name = "Inversiones " .. common.pick(last) .. " S.A.C."
    end
    body = string.format(
      '{"type_id":%s,"summary":"%s","origin":"external","reserved":%s,"priority":"%s",' ..
      '"folios":%d,"volumes":1,"applicant":{"name":"%s","id_type":"%s","id_number":"%s",' ..
      '"email":"mesa.bench@gmail.com","phone":"987654321","address":"Av. Grau %d, Cercado"}}',
      common.pick(external), summary, reserved, priority, folios, name, id_type, id_number,
      math.random(1, 2000))
    requests[i] = wrk.format("POST", "/api/v1/dossiers", headers, body)
  end
end

function request()
  n = n + 1
  if n > #requests then
    n = 1
  end
  return requests[n]
end
