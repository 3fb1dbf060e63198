-- wrk script: one GraphQL query per request, cycling through the customer ids in $IDS (one per line), with the API
-- key in $KEY. $QUERY picks the query: "recommendations" or "customer360" (profile, totals, value, segment, churn
-- risk, 5 recommendations and the 10 latest orders with their lines). $METHOD: POST (the default) sends the query;
-- GET sends only its persisted hash ($HASH, the query's SHA-256, registered beforehand) as Apollo's clients do. With
-- $ONCE set, thread t of $WRK_THREADS asks for ids t, t + n, t + 2n, ... once each (the first-request-per-
-- customer run; a run longer than its ids says "wrapped" on stderr).
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
local key = os.getenv("KEY")
local kind = os.getenv("QUERY") or "recommendations"
local method = os.getenv("METHOD") or "POST"
local hash = os.getenv("HASH")
local once = os.getenv("ONCE") ~= nil
local threads = tonumber(os.getenv("WRK_THREADS") or "2")
local created = 0
local counter = 0

queries = {
  recommendations = 'query Recommendations($id: ID!) { recommendations(customerId: $id, first: 10) { product { id name } score reasons { text } } }',
  customer360 = 'query Customer360($id: ID!) { customer(id: $id) { name country totals { orders revenue lastOrderDate } '
    .. 'value { clv pAlive rfm { segment } } segment { name } churnRisk { probability } '
    .. 'recommendations(first: 5) { product { name } } '
    .. 'orderHistory(first: 10) { edges { node { id orderDate total lines { quantity amount product { name } } } } } } }',
}

local function urlencode(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

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
  local id = ids[index]
  local headers = {["Authorization"] = "Bearer " .. key}
  if method == "GET" then
    local extensions = '{"persistedQuery":{"version":1,"sha256Hash":"' .. hash .. '"}}'
    return wrk.format("GET", "/graphql?extensions=" .. urlencode(extensions) .. "&variables="
      .. urlencode('{"id":"' .. id .. '"}'), headers)
  end
  headers["Content-Type"] = "application/json"
  local body = '{"query":"' .. string.gsub(queries[kind], '"', '\\"') .. '","variables":{"id":"' .. id .. '"}}'
  return wrk.format("POST", "/graphql", headers, body)
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"') then
    io.stderr:write("unexpected response " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
