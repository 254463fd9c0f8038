import JSON
import LodestarCore
import Testing
import Time

/// Each invalid body must yield exactly these issues (path, message).
@Suite struct EventValidationErrorTests {
    static func event(_ type: String = "contact.received", data: JSONValue? = ["channel": "call"],
                      edit: (inout JSONObject) -> Void = { _ in }) -> JSONValue {
        var object: JSONObject = ["event_id": "e1", "type": .string(type), "contact_id": "c1",
                                  "occurred_at": "2026-11-26T16:43:04Z"]
        if let data { object["data"] = data }
        edit(&object)
        return .object(object)
    }

    static let oneOfTypes = "must be one of: contact.received, contact.answered, contact.abandoned, contact.transferred, contact.assessed, contact.closed"
    static let oneOfFlags = "must be one of: suicidal_ideation, attempt_in_progress, means_access, violence_risk, substance_use, medical_emergency, youth, veteran, third_party"
    static let timestampRule = "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-26T16:43:04.120Z"

    static let cases: [(body: JSONValue, issues: [(String, String)])] = [
        ([1], [("", "must be an object")]),
        ("text", [("", "must be an object")]),
        (["events": ["a": 1]], [("events", "must be an array of events")]),
        (["events": [event(), 3]], [("events[1]", "must be an object")]),
        (["events": [event()], "extra": true], [("extra", "is not a known field")]),
        ([:], [("event_id", "is required"), ("type", "is required"), ("contact_id", "is required"),
               ("occurred_at", "is required")]),
        (event { $0["event_id"] = "" }, [("event_id", "must not be empty")]),
        (event { $0["event_id"] = 12 }, [("event_id", "must be a string")]),
        (event { $0["event_id"] = .string(String(repeating: "x", count: 201)) }, [("event_id", "must be at most 200 characters")]),
        (event { $0["contact_id"] = "a\nb" }, [("contact_id", "must not contain control characters")]),
        (event { $0["contact_id"] = "a\u{85}b" }, [("contact_id", "must not contain control characters")]),
        (event { $0["source"] = "" }, [("source", "must not be empty")]),
        (event { $0["type"] = "contact.created" }, [("type", oneOfTypes)]),
        (event { $0["type"] = .null }, [("type", "is required")]),
        (event { $0["occurred_at"] = "2026-11-26T16:43:04" }, [("occurred_at", timestampRule)]),
        (event { $0["occurred_at"] = "2026-02-30T16:43:04Z" }, [("occurred_at", timestampRule)]),
        (event { $0["occurred_at"] = 1_700_000_000 }, [("occurred_at", timestampRule)]),
        (event { $0["eventId"] = "x" }, [("eventId", "is not a known field")]),
        (event { $0["we ird\"key"] = 1 }, [(#"["we ird\"key"]"#, "is not a known field")]),
        (event(data: [1]), [("data", "must be an object"), ("data.channel", "is required")]),
        (event(data: nil), [("data.channel", "is required")]),
        (event(data: ["channel": "fax"]), [("data.channel", "must be one of: call, text, chat")]),
        (event(data: ["channel": "call", "chanel": "call"]), [("data.chanel", "is not a known field")]),
        (event(data: ["channel": "call", "line": 988]), [("data.line", "must be a string")]),
        (event(data: ["channel": "call", "region": ""]), [("data.region", "must not be empty")]),
        (event(data: ["channel": "call", "language": "english!"]), [("data.language", "must be a BCP 47 language tag, e.g. en or es-US")]),
        (event(data: ["channel": "call", "language": "e"]), [("data.language", "must be a BCP 47 language tag, e.g. en or es-US")]),
        (event(data: ["channel": "call", "caller": "anon"]), [("data.caller", "must be an object")]),
        (event(data: ["channel": "call", "caller": ["age": 131]]), [("data.caller.age", "must be an integer from 0 to 130")]),
        (event(data: ["channel": "call", "caller": ["age": -1]]), [("data.caller.age", "must be an integer from 0 to 130")]),
        (event(data: ["channel": "call", "caller": ["age": 17.5]]), [("data.caller.age", "must be an integer from 0 to 130")]),
        (event(data: ["channel": "call", "caller": ["age": "17"]]), [("data.caller.age", "must be an integer from 0 to 130")]),
        (event(data: ["channel": "call", "caller": ["gender": 1, "race_ethnicity": true, "zip": 60601]]),
         [("data.caller.gender", "must be a string"), ("data.caller.race_ethnicity", "must be a string"),
          ("data.caller.zip", "must be a string")]),
        (event(data: ["channel": "call", "caller": ["zip": "123456789012345678901"]]), [("data.caller.zip", "must be at most 20 characters")]),
        (event(data: ["channel": "call", "caller": ["name": "x"]]), [("data.caller.name", "is not a known field")]),
        (event(data: ["channel": "call", "location": ["lat": 91, "lon": 0]]), [("data.location.lat", "must be a number from -90 to 90")]),
        (event(data: ["channel": "call", "location": ["lat": 0, "lon": -180.5]]), [("data.location.lon", "must be a number from -180 to 180")]),
        (event(data: ["channel": "call", "location": ["lat": 0]]), [("data.location.lon", "is required")]),
        (event(data: ["channel": "call", "location": ["lat": "0", "lon": 0, "alt": 3]]),
         [("data.location.alt", "is not a known field"), ("data.location.lat", "must be a number from -90 to 90")]),
        (event(data: ["channel": "call", "location": [1, 2]]), [("data.location", "must be an object")]),
        (event("contact.answered", data: ["counselor_id": 7]), [("data.counselor_id", "must be a string")]),
        (event("contact.answered", data: ["channel": "call"]), [("data.channel", "is not a known field")]),
        (event("contact.abandoned", data: ["reason": "x"]), [("data.reason", "is not a known field")]),
        (event("contact.transferred", data: nil), [("data.to", "is required")]),
        (event("contact.transferred", data: ["to": ""]), [("data.to", "must not be empty")]),
        (event("contact.assessed", data: [:]), [("data.risk_level", "is required")]),
        (event("contact.assessed", data: ["risk_level": "severe"]), [("data.risk_level", "must be one of: none, low, moderate, high, imminent")]),
        (event("contact.assessed", data: ["risk_level": "low", "flags": ["youth", "veteran", "vet", 4]]),
         [("data.flags[2]", oneOfFlags), ("data.flags[3]", oneOfFlags)]),
        (event("contact.assessed", data: ["risk_level": "low", "flags": "youth"]), [("data.flags", "must be an array of: suicidal_ideation, attempt_in_progress, means_access, violence_risk, substance_use, medical_emergency, youth, veteran, third_party")]),
        (event("contact.assessed", data: ["risk_level": "low", "consent_follow_up": "yes"]), [("data.consent_follow_up", "must be true or false")]),
        (event("contact.assessed", data: ["risk_level": "low", "region": 3, "location": ["lat": 0, "lon": 200]]),
         [("data.location.lon", "must be a number from -180 to 180"), ("data.region", "must be a string")]),
        (event("contact.assessed", data: ["risk_level": "low", "channel": "call"]), [("data.channel", "is not a known field")]),
        (event("contact.closed", data: nil), [("data.disposition", "is required")]),
        (event("contact.closed", data: ["disposition": "done"]), [("data.disposition", "must be one of: resolved, referred, dispatched, emergency, transferred, other")]),
        // With an invalid type there is no schema for data: only the type is reported.
        (event("contact.bogus", data: ["anything": 1]), [("type", oneOfTypes)]),
        // Batch paths carry the event's index.
        (["events": [event(), event(data: ["channel": "fax"]), event { $0["occurred_at"] = "x" }]],
         [("events[1].data.channel", "must be one of: call, text, chat"), ("events[2].occurred_at", timestampRule)]),
        (["events": [event("contact.assessed", data: ["risk_level": "low", "flags": ["x"]])]],
         [("events[0].data.flags[0]", oneOfFlags)]),
    ]

    @Test(arguments: 0..<cases.count)
    func reportsExactPaths(_ index: Int) {
        let (body, expected) = Self.cases[index]
        let issues = expected.map { ValidationIssue(path: $0.0, message: $0.1) }
        do {
            let events = try EventValidation().validate(body: body, defaultSource: "token", now: Timestamp(rfc3339: "2026-12-01T00:00:00Z")!)
            Issue.record("case \(index) validated to \(events.count) events")
        } catch {
            #expect(error.issues == issues, "case \(index)")
        }
    }
}
