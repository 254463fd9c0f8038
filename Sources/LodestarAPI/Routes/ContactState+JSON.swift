import JSON
import LodestarCore
import Time

extension ContactState {
    /// The state as the API shows it, with SPEC field names.
    ///
    /// Every field is always present, `null` when unknown, so clients see the full shape on
    /// every contact; `caller` and `location` are `null` or complete objects (caller members
    /// themselves `null` when not stated). Timestamps are RFC 3339 UTC.
    var json: JSONValue {
        [
            "channel": Self.json(channel?.rawValue),
            "line": Self.json(line),
            "region": Self.json(region),
            "language": Self.json(language),
            "caller": caller.map(Self.json) ?? .null,
            "location": location.map(Self.json) ?? .null,
            "received_at": Self.json(receivedAt),
            "answered_at": Self.json(answeredAt),
            "abandoned_at": Self.json(abandonedAt),
            "abandoned": .bool(isAbandoned),
            "transferred_to": Self.json(transferredTo),
            "transferred_at": Self.json(transferredAt),
            "risk_level": Self.json(riskLevel?.rawValue),
            "flags": .array(flags.map { .string($0.rawValue) }),
            "consent_follow_up": .bool(consentFollowUp),
            "assessed_at": Self.json(assessedAt),
            "closed_at": Self.json(closedAt),
            "disposition": Self.json(disposition?.rawValue),
            "event_count": .int(Int64(eventCount)),
        ]
    }

    private static func json(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    private static func json(_ timestamp: Timestamp?) -> JSONValue {
        timestamp.map { .string($0.rfc3339) } ?? .null
    }

    private static func json(_ caller: CallerInfo) -> JSONValue {
        [
            "age": caller.age.map { .int(Int64($0)) } ?? .null,
            "gender": json(caller.gender),
            "race_ethnicity": json(caller.raceEthnicity),
            "zip": json(caller.zip),
        ]
    }

    private static func json(_ point: GeoPoint) -> JSONValue {
        ["lat": .double(point.lat), "lon": .double(point.lon)]
    }
}
