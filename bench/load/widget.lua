-- wrk script: GETs the widget's endpoint, /widget/recommendations?customer=ID&first=4, cycling through the customer
-- ids in $IDS (one per line), with the API key in $KEY. With $ONCE set, each thread asks for each of its share of
-- the ids once, in order (the first-request-per-customer run; $WRK_THREADS must be wrk's -t; a run longer
-- than its ids says "wrapped" on stderr).
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
local key = os.getenv("KEY")
local once = os.getenv("ONCE") ~= nil
local threads = tonumber(os.getenv("WRK_THREADS") or "2")
local created = 0
local counter = 0

function setup(thread)
  thread:set("tid", created)
  created = created + 1
end

function init(args)
  offset = math.random(#ids)
end

function request()
  counter = counter + 1
  local index
  if once then
    index = (counter - 1) * threads + tid + 1
    if index > #ids then
      -- Past the last id: the run was too long for its ids, and from here on answers may be cached.
      if not wrapped then
        io.stderr:write("wrapped: more requests than ids\n")
        wrapped = true
      end
      index = (index - 1) % #ids + 1
    end
  else
    index = (counter + offset) % #ids + 1
  end
  return wrk.format("GET", "/widget/recommendations?customer=" .. ids[index] .. "&first=4",
    {["Authorization"] = "Bearer " .. key})
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected response " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
