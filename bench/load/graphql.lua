-- wrk script: POSTs one GraphQL query per request, cycling through the customer ids in $IDS (one per line), with
-- the API key in $KEY. $QUERY picks the query: "recommendations" or "customer360".
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
local key = os.getenv("KEY")
local kind = os.getenv("QUERY") or "recommendations"
local counter = 0

local queries = {
  recommendations = '{"query":"{ recommendations(customerId: \\"%s\\", first: 10) { product { id name } score reasons { text } } }"}',
  customer360 = '{"query":"{ customer(id: \\"%s\\") { name country totals { orders revenue lastOrderDate } '
    .. 'value { clv pAlive rfm { segment } } segment { name } churnRisk { probability } '
    .. 'recommendations(first: 5) { product { name } } } }"}',
}

function setup(thread)
  thread:set("offset", math.random(#ids))
end

function request()
  counter = counter + 1
  local id = ids[(counter + (offset or 0)) % #ids + 1]
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key}, string.format(queries[kind], id))
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"') then
    io.stderr:write("unexpected response " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
