-- wrk script for the write path: PUT /api/v1/tenant/config, each request as one of many tenants (bearer JWT per
-- tenant, the tenant is taken from the token), changing that tenant's callback_url. Environment:
--   BENCH_TOKEN_FILE  lines "tenant-id<TAB>jwt", read once per wrk thread
-- Prints "BENCH_RESULT {json}" like pick-tenant.lua.

local result = dofile(os.getenv("BENCH_RESULT_LUA"))

local entries = {}
local count = 0
local position = 0
local serial = 0

function setup(thread)
   thread:set("thread_seed", math.random(1000000))
end

function init(args)
   for line in io.lines(os.getenv("BENCH_TOKEN_FILE")) do
      local tenant, token = line:match("^(%S+)\t(%S+)$")
      count = count + 1
      entries[count] = { tenant = tenant, auth = "Bearer " .. token }
   end
   position = (thread_seed or 0) % count
end

function request()
   position = position % count + 1
   serial = serial + 1
   local entry = entries[position]
   local body = string.format('{"callback_url":"https://hooks.example.com/whatsapp/%s/w%d-%d"}',
      entry.tenant, thread_seed or 0, serial)
   return wrk.format("PUT", "/api/v1/tenant/config",
      { ["Authorization"] = entry.auth, ["Content-Type"] = "application/json" }, body)
end

done = result.done
