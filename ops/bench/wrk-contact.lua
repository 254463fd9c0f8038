-- POST one new event per request, every one to the same contact (CONTACT), each with a unique
-- event id: what a write costs on a contact that already has a long history.
--   wrk -t1 -c1 -d10s --latency -s wrk-contact.lua http://127.0.0.1:PORT -- TOKEN CONTACT TAG
function init(args)
  counter = 0
  token = args[1]
  contact = args[2]
  prefix = args[3] or tostring(os.time())
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end
function request()
  counter = counter + 1
  local body = string.format('{"event_id":"%s-%d","type":"contact.answered","contact_id":"%s","occurred_at":"%s"}',
    prefix, counter, contact, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", "/v1/events", headers, body)
end
