import JSON
import LodestarCore
import Testing
import Time
import ZoneInfo

@Suite struct RoutingFactsTests {
    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func event(_ id: String, _ time: String, _ data: EventData) -> ContactEvent {
        ContactEvent(eventID: id, source: "center-a", contactID: "c1", occurredAt: at(time), data: data, raw: .null)
    }

    static let contact = ContactState.derive(from: [
        event("1", "2026-03-08T07:00:00Z", .received(.init(channel: .text, line: "youth", region: "north", language: "es-US",
                                                           caller: CallerInfo(age: 15)))),
        event("2", "2026-03-08T07:10:00Z", .assessed(.init(riskLevel: .high, flags: [.youth, .meansAccess], consentFollowUp: false))),
    ])

    @Test func fromAContact() {
        let facts = RoutingFacts(contact: Self.contact, contactID: "c1", assessedAt: Self.at("2026-03-08T07:10:00Z"), regionType: .rural)
        #expect(facts == RoutingFacts(contactID: "c1", channel: .text, line: "youth", region: "north", regionType: .rural,
                                      language: "es-US", age: 15, riskLevel: .high, flags: [.youth, .meansAccess],
                                      consentFollowUp: false, hourOfDay: 7, dayOfWeek: 7))
    }

    /// A contact without a described region is urban, in UTC; unstated facts are lacking, and
    /// the state's own defaults (language, consent) are facts like any other.
    @Test func fromASparseContact() {
        let state = ContactState.derive(from: [Self.event("1", "2026-11-26T16:43:04Z", .received(.init(channel: .call)))])
        let facts = RoutingFacts(contact: state, contactID: "c2", assessedAt: Self.at("2026-11-26T16:43:04Z"))
        #expect(facts == RoutingFacts(contactID: "c2", channel: .call, regionType: .urban, language: "en",
                                      consentFollowUp: true, hourOfDay: 16, dayOfWeek: 4))
    }

    /// Hour and day are read on the region's wall clock, across both 2026 DST changes in Chicago.
    @Test(arguments: [
        ("2026-03-08T05:59:59Z", 23, 6), // Saturday 23:59:59 CST
        ("2026-03-08T06:00:00Z", 0, 7), // Sunday midnight CST
        ("2026-03-08T07:59:59Z", 1, 7), // 01:59:59 CST, the last second before the gap
        ("2026-03-08T08:00:00Z", 3, 7), // 03:00 CDT: 02:xx never happens
        ("2026-03-09T04:59:59Z", 23, 7), // Sunday 23:59:59 CDT
        ("2026-03-09T05:00:00Z", 0, 1), // Monday midnight CDT
        ("2026-11-01T06:30:00Z", 1, 7), // 01:30 CDT
        ("2026-11-01T07:30:00Z", 1, 7), // 01:30 CST, the repeated hour
        ("2026-11-01T08:30:00Z", 2, 7), // 02:30 CST
        ("2026-11-02T05:59:59Z", 23, 7), // Sunday 23:59:59 CST
        ("2026-11-02T06:00:00Z", 0, 1), // Monday midnight CST
    ] as [(String, Int, Int)])
    func timeFactsInTheRegionsZone(_ instant: String, _ hour: Int, _ day: Int) throws {
        let chicago = try ZoneInfoDatabase.system.rules(named: "America/Chicago")
        let facts = RoutingFacts(contact: Self.contact, contactID: "c1", assessedAt: Self.at(instant), zone: chicago)
        #expect(facts.hourOfDay == hour)
        #expect(facts.dayOfWeek == day)
    }

    /// A night rule fires by local time, not UTC, on either side of a DST change.
    @Test func nightRuleFollowsTheLocalClock() throws {
        let chicago = try ZoneInfoDatabase.system.rules(named: "America/Chicago")
        let ruleset = try RuleFixtures.compiled([
            RuleFixtures.rule("night", ["any": [RuleFixtures.fact("hour_of_day", "lt", 2), RuleFixtures.fact("hour_of_day", "gte", 22)]]),
        ])
        func rule(_ instant: String) -> String {
            ruleset.decide(RoutingFacts(contact: Self.contact, contactID: "c1", assessedAt: Self.at(instant), zone: chicago)).ruleID
        }
        #expect(rule("2026-03-08T07:59:59Z") == "night") // 01:59:59 CST
        #expect(rule("2026-03-08T08:00:00Z") == "default") // 03:00 CDT
        #expect(rule("2026-11-01T07:30:00Z") == "night") // 01:30 CST
        #expect(rule("2026-11-01T08:00:00Z") == "default") // 02:00 CST
        #expect(rule("2026-11-01T03:00:00Z") == "night") // 22:00 CDT on Saturday; 03:00 in UTC
    }

    @Test func fromASimulatedContact() {
        var reader = FieldReader()
        let facts = RoutingFacts.read(simulated: [
            "contact_id": "c9", "channel": "chat", "line": "988", "region": "north", "region_type": "frontier",
            "language": "ES-us", "age": 15, "risk_level": "high", "flags": ["youth", "veteran", "youth"],
            "consent_follow_up": false, "hour_of_day": 3, "day_of_week": 6,
        ], at: .root.member("contact"), reader: &reader)
        #expect(reader.issues == [])
        #expect(facts == RoutingFacts(contactID: "c9", channel: .chat, line: "988", region: "north", regionType: .frontier,
                                      language: "es-US", age: 15, riskLevel: .high, flags: [.youth, .veteran],
                                      consentFollowUp: false, hourOfDay: 3, dayOfWeek: 6))
    }

    /// Absent facts are lacking, except the ones every stored contact has; the region's type
    /// is the region's to give.
    @Test func simulatedDefaults() {
        var reader = FieldReader()
        let facts = RoutingFacts.read(simulated: ["risk_level": "moderate", "age": .null], at: .root, reader: &reader)
        #expect(facts == RoutingFacts(language: "en", riskLevel: .moderate, consentFollowUp: true))
        #expect(facts?.derivingRegionType(from: .undescribed).regionType == .urban)
    }

    /// As routing does, a contact without a stated region type has its region's.
    @Test func aSimulatedRegionTypeComesFromTheRegionUnlessStated() {
        let rural = RegionProfile(type: .rural, timeZone: "America/Chicago", responseTargetMinutes: 120, isDescribed: true)
        #expect(RoutingFacts(region: "north").derivingRegionType(from: rural).regionType == .rural)
        #expect(RoutingFacts(region: "north", regionType: .frontier).derivingRegionType(from: rural).regionType == .frontier)
    }

    @Test func simulatedProblems() {
        var reader = FieldReader()
        let path = JSONPath.root.member("contact")
        let facts = RoutingFacts.read(simulated: [
            "risk_level": "severe", "age": 131, "flags": ["lonely"], "hour_of_day": 24, "day_of_week": 0,
            "channel": 1, "region_type": "suburb", "language": "!", "consent_follow_up": "no", "mood": "ok", "line": "",
        ], at: path, reader: &reader)
        #expect(facts == nil)
        #expect(reader.issues.map(\.description) == [
            "contact.mood: is not a known field",
            "contact.channel: must be one of: call, text, chat",
            "contact.line: must not be empty",
            "contact.region_type: must be one of: urban, rural, frontier",
            "contact.language: must be a BCP 47 language tag, e.g. en or es-US",
            "contact.age: must be an integer from 0 to 130",
            "contact.risk_level: must be one of: none, low, moderate, high, imminent",
            "contact.flags[0]: must be one of: suicidal_ideation, attempt_in_progress, means_access, violence_risk, substance_use, medical_emergency, youth, veteran, third_party",
            "contact.consent_follow_up: must be true or false",
            "contact.hour_of_day: must be an integer from 0 to 23",
            "contact.day_of_week: must be an integer from 1 to 7",
        ])
        var other = FieldReader()
        #expect(RoutingFacts.read(simulated: [1], at: path, reader: &other) == nil)
        #expect(other.issues.map(\.description) == ["contact: must be an object"])
    }
}
