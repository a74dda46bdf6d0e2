-- wrk script: closed loop (each connection sends its next request when the previous answer arrives), one
-- GET per request. Environment:
--   BENCH_PATH      fixed path (the ceiling endpoint); when set, no tenant is drawn
--   BENCH_TENANTS   number of tenants t0000001..tN
--   BENCH_PICK      uniform | zipf
--   BENCH_ZIPF_FILE precomputed Zipf draws, one tenant number a line (read once per wrk thread)
--   BENCH_AUTH      value of the Authorization header, if any
-- At the end it prints one line "BENCH_RESULT {json}" for the harness (wrk-result.lua, BENCH_RESULT_LUA).

local fixed_path = os.getenv("BENCH_PATH")
local tenants = tonumber(os.getenv("BENCH_TENANTS") or "1")
local pick = os.getenv("BENCH_PICK") or "uniform"
local auth = os.getenv("BENCH_AUTH")

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

local draws = {}
local draw_count = 0
local position = 0

function init(args)
   math.randomseed(os.time() * 1000 + (thread_number or 0))
   if pick == "zipf" and not fixed_path then
      local file = assert(io.open(os.getenv("BENCH_ZIPF_FILE"), "r"))
      for line in file:lines() do
         draw_count = draw_count + 1
         draws[draw_count] = tonumber(line)
      end
      file:close()
      -- threads start at different places in the list so they do not ask for the same tenants in lock-step
      position = math.random(draw_count)
   end
   if auth then
      wrk.headers["Authorization"] = auth
   end
end

local function next_tenant()
   if pick == "zipf" then
      position = position % draw_count + 1
      return draws[position]
   end
   return math.random(tenants)
end

function request()
   if fixed_path then
      return wrk.format("GET", fixed_path)
   end
   return wrk.format("GET", string.format("/t%07d/default", next_tenant()))
end

done = dofile(os.getenv("BENCH_RESULT_LUA")).done
