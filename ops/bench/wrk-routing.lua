-- One contact event per request; every fifth is either a routed `contact.assessed` (MODE
-- "routed") or an unrouted `contact.answered` of the same size class (MODE "plain"), each for
-- the contact received LAG requests before it on the same thread (default 1: the one just
-- before), so that the two modes differ only by routing.
--   wrk ... -s wrk-routing.lua URL -- TOKEN MODE TAG [LAG]
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  token = args[1]
  mode = args[2] or "routed"
  -- How many requests back the assessed contact was received: 1 races the receipt (the two
  -- posts are often in flight at once); more is a contact whose receipt has committed.
  lag = tonumber(args[4] or "1")
  prefix = string.format("%s-t%d-", args[3] or tostring(os.time()), tid or 0)
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  received = '{"event_id":"ev-%s","type":"contact.received","contact_id":"ct-%s",'
    .. '"occurred_at":"%s","data":{"channel":"call","line":"988","region":"north",'
    .. '"language":"en","caller":{"age":34,"gender":"female","race_ethnicity":"white","zip":"60601"},'
    .. '"location":{"lat":41.88,"lon":-87.63}}}'
  assessed = '{"event_id":"as-%s","type":"contact.assessed","contact_id":"ct-%s",'
    .. '"occurred_at":"%s","data":{"risk_level":"%s","flags":["suicidal_ideation"]}}'
  answered = '{"event_id":"an-%s","type":"contact.answered","contact_id":"ct-%s",'
    .. '"occurred_at":"%s","data":{"counselor_id":"counselor-%s"}}'
  -- A crisis line's usual mix: most assessments are low or moderate risk.
  risks = { "none", "none", "low", "low", "low", "low", "low", "low", "low",
            "moderate", "moderate", "moderate", "moderate", "moderate", "moderate",
            "high", "high", "high", "imminent", "low" }
end
function request()
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  counter = counter + 1
  if counter % 5 == 0 and counter > lag then
    local id = prefix .. (counter - lag)
    if mode == "routed" then
      local risk = risks[(counter / 5) % #risks + 1]
      return wrk.format("POST", "/v1/events", headers, string.format(assessed, id, id, now, risk))
    end
    return wrk.format("POST", "/v1/events", headers, string.format(answered, id, id, now, "bench"))
  end
  local id = prefix .. counter
  return wrk.format("POST", "/v1/events", headers, string.format(received, id, id, now))
end
