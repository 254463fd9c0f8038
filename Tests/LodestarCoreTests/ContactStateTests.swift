import JSON
import LodestarCore
import Testing
import Time

@Suite struct ContactStateTests {
    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: "2026-11-26T\(text)Z")! }

    static func event(_ id: String, _ time: String, _ data: EventData, source: String = "center-a") -> ContactEvent {
        ContactEvent(eventID: id, source: source, contactID: "c1", occurredAt: at(time), data: data, raw: .null)
    }

    static let received = EventData.received(.init(
        channel: .call, line: "988", region: "north", caller: CallerInfo(age: 16, zip: "60601"),
        location: GeoPoint(lat: 41.9, lon: -87.6)))

    /// A contact's whole life: received, answered, assessed twice, transferred, closed.
    static let lifecycleEvents = [
        event("1", "16:00:00", received),
        event("2", "16:00:12", .answered(counselorID: "k7")),
        event("3", "16:05:00", .assessed(.init(riskLevel: .high, flags: [.youth], region: "south"))),
        event("4", "16:09:00", .assessed(.init(riskLevel: .moderate, consentFollowUp: false))),
        event("5", "16:10:00", .transferred(to: "veterans")),
        event("6", "16:20:00", .closed(.transferred)),
    ]

    @Test func lifecycle() {
        let state = ContactState.derive(from: Self.lifecycleEvents)
        #expect(state.channel == .call)
        #expect(state.line == "988")
        #expect(state.region == "south")
        #expect(state.language == "en")
        #expect(state.caller?.age == 16)
        #expect(state.location == GeoPoint(lat: 41.9, lon: -87.6))
        #expect(state.receivedAt == Self.at("16:00:00"))
        #expect(state.answeredAt == Self.at("16:00:12"))
        #expect(state.riskLevel == .moderate)
        #expect(state.assessedAt == Self.at("16:09:00"))
        #expect(state.flags == [])  // the 16:09 assessment stated none
        #expect(state.consentFollowUp == false)
        #expect(state.transferredTo == "veterans")
        #expect(state.transferredAt == Self.at("16:10:00"))
        #expect(state.closedAt == Self.at("16:20:00"))
        #expect(state.disposition == .transferred)
        #expect(!state.isAbandoned)
        #expect(state.eventCount == 6)
    }

    @Test func emptyState() {
        let state = ContactState()
        #expect(state.language == nil)
        #expect(state.consentFollowUp)
        #expect(state.flags.isEmpty)
        #expect(state.eventCount == 0)
    }

    @Test func abandonedOnlyIfNeverAnswered() {
        let abandoned = ContactState.derive(from: [
            Self.event("1", "16:00:00", Self.received), Self.event("2", "16:01:00", .abandoned),
        ])
        #expect(abandoned.isAbandoned)
        #expect(abandoned.abandonedAt == Self.at("16:01:00"))
        // Answered later (a callback reached the person): not abandoned, instant kept.
        let answeredLater = ContactState.derive(from: [
            Self.event("1", "16:00:00", Self.received), Self.event("2", "16:01:00", .abandoned),
            Self.event("3", "16:02:00", .answered(counselorID: nil)),
        ])
        #expect(!answeredLater.isAbandoned)
        #expect(answeredLater.abandonedAt == Self.at("16:01:00"))
    }

    @Test func firstAnswerAndEarliestReceiptCount() {
        let state = ContactState.derive(from: [
            Self.event("3", "16:02:00", .answered(counselorID: "b")),
            Self.event("2", "16:01:00", .answered(counselorID: "a")),
            Self.event("1", "16:00:30", .received(.init(channel: .text, language: "es"))),
            Self.event("0", "16:00:00", .received(.init(channel: .chat))),
        ])
        #expect(state.answeredAt == Self.at("16:01:00"))
        #expect(state.receivedAt == Self.at("16:00:00"))
        // The later receipt states channel and language; the earlier one's channel loses.
        #expect(state.channel == .text)
        #expect(state.language == "es")
    }

    /// A received event's unstated members do not erase what an earlier one said, but an
    /// assessment is whole: its flags and consent replace the earlier assessment's, an absent
    /// list meaning none and an absent consent `true` (SPEC §3).
    @Test func anAssessmentStatesItsFlagsAndConsentWhole() {
        let state = ContactState.derive(from: [
            Self.event("1", "16:00:00", Self.received),
            Self.event("2", "16:01:00", .received(.init(channel: .call))),
            Self.event("3", "16:02:00", .assessed(.init(riskLevel: .low, flags: [.veteran], consentFollowUp: false))),
            Self.event("4", "16:05:00", .assessed(.init(riskLevel: .high))),
        ])
        #expect(state.line == "988" && state.caller?.age == 16)
        #expect(state.riskLevel == .high)
        #expect(state.flags == [])
        #expect(state.consentFollowUp)
    }

    @Test func sameInstantTiesBreakByContentNotArrival() {
        let first = Self.event("a", "16:00:00", .transferred(to: "911"))
        let second = Self.event("b", "16:00:00", .transferred(to: "backup-center"))
        #expect(ContactState.derive(from: [first, second]) == ContactState.derive(from: [second, first]))
        #expect(ContactState.derive(from: [second, first]).transferredTo == "backup-center")
        let otherSource = Self.event("a", "16:00:00", .transferred(to: "veterans"), source: "center-b")
        #expect(ContactState.derive(from: [otherSource, first]).transferredTo == "veterans")
    }

    /// Event ids are their bytes: a precomposed "é" and "e" with a combining accent are two
    /// events, ordered by their bytes, whichever arrives first and through a stored snapshot.
    @Test func canonicallyEquivalentIdsAreTwoEventsInByteOrder() throws {
        func received(_ id: String, _ channel: Channel, line: String?) -> ContactEvent {
            Self.event(id, "10:00:00", .received(.init(channel: channel, line: line)))
        }
        let decomposed = received("xe\u{301}", .call, line: "L1"), precomposed = received("x\u{e9}", .text, line: nil)
        let last = received("xf", .chat, line: "L3")
        #expect(decomposed.key != precomposed.key && decomposed.order != precomposed.order)
        #expect(decomposed.order < last.order && last.order < precomposed.order)
        let reference = ContactState.derive(from: [decomposed, last, precomposed])
        #expect(reference.line == "L3" && reference.channel == .text)
        for order in [[decomposed, precomposed, last], [precomposed, decomposed, last], [last, decomposed, precomposed]] {
            var state = ContactState()
            for event in order {
                // Each event folded into the snapshot as stored, as one post each does.
                state = try #require(ContactState(snapshot: try JSON.parse(state.snapshot.serialized())))
                state.apply(event)
            }
            #expect(state == reference)
            #expect(state.line == "L3")
        }
    }

    /// The key property: the state depends only on the set of events, not on arrival order.
    @Test func stateIsIndependentOfArrivalOrder() {
        var generator = SeededGenerator(seed: 0x10DE_57A2)
        for round in 0..<40 {
            let events = Self.randomEvents(count: 2 + round % 14, using: &generator)
            let reference = ContactState.derive(from: events.sorted { $0.order < $1.order })
            for _ in 0..<50 {
                let shuffled = events.shuffled(using: &generator)
                #expect(ContactState.derive(from: shuffled) == reference)
                var incremental = ContactState()
                for event in shuffled { incremental.apply(event) }
                #expect(incremental == reference)
            }
        }
    }

    /// What ingest relies on: folding new events into a stored snapshot (serialised and read
    /// back, as the database holds it) gives the full derivation, whatever events came first.
    @Test func foldingIntoAStoredSnapshotEqualsTheFullDerivation() throws {
        var generator = SeededGenerator(seed: 0x5A_9A57)
        for round in 0..<200 {
            let events = Self.randomEvents(count: 1 + round % 16, using: &generator).shuffled(using: &generator)
            let reference = ContactState.derive(from: events)
            let split = Int.random(in: 0...events.count, using: &generator)
            let storedJSON = try JSON.parse(ContactState.derive(from: events[..<split]).snapshot.serialized())
            var state = try #require(ContactState(snapshot: storedJSON))
            for event in events[split...] { state.apply(event) }
            #expect(state == reference)
        }
    }

    /// The stored snapshot's text is a storage format read back by later builds: written
    /// straight into the recordset, it is byte for byte what the version-5 encoder of values
    /// wrote (this text was captured from it).
    @Test func theSnapshotTextIsTheVersionFiveFormat() {
        let state = ContactState.derive(from: Self.lifecycleEvents)
        var writer = JSONWriter()
        state.writeSnapshot(to: &writer)
        let golden = #"[5,1795708800000000,1795708812000000,null,6,["call",0],["988",0],["south",1],null,[[16,null,null,"60601"],0],"#
            + #"[[41.9,-87.6],0],["veterans",2],["moderate",3],[[],3],[false,3],["transferred",4],"#
            + #"[[1795708800000000,"contact.received","center-a","1"],[1795709100000000,"contact.assessed","center-a","3"],"#
            + #"[1795709400000000,"contact.transferred","center-a","5"],[1795709340000000,"contact.assessed","center-a","4"],"#
            + #"[1795710000000000,"contact.closed","center-a","6"]]]"#
        #expect(String(decoding: writer.bytes, as: UTF8.self) == golden)
        #expect(ContactState(snapshot: state.snapshot) == state)
    }

    @Test func aSnapshotOfAnotherVersionIsNotRead() {
        guard case .array(var snapshot) = ContactState.derive(from: [Self.event("1", "16:00:00", Self.received)]).snapshot else {
            Issue.record("a snapshot is an array")
            return
        }
        #expect(ContactState(snapshot: .array(snapshot)) != nil)
        snapshot[0] = 99  // the version comes first
        #expect(ContactState(snapshot: .array(snapshot)) == nil)
    }

    /// Events drawn from a small pool of instants and values so that ties and overrides are common.
    static func randomEvents(count: Int, using generator: inout SeededGenerator) -> [ContactEvent] {
        let times = ["16:00:00", "16:00:00", "16:01:00", "16:02:30", "16:05:00"]
        let datas: [EventData] = [
            received, .received(.init(channel: .text, region: "east", language: "fr-CA")),
            .answered(counselorID: "k1"), .answered(counselorID: nil), .abandoned,
            .transferred(to: "911"), .transferred(to: "veterans"),
            .assessed(.init(riskLevel: .low, flags: [.youth], consentFollowUp: false)),
            .assessed(.init(riskLevel: .imminent, location: GeoPoint(lat: 1, lon: 2), region: "west")),
            .assessed(.init(riskLevel: .moderate, flags: [], consentFollowUp: true)),
            .closed(.resolved), .closed(.emergency),
        ]
        return (0..<count).map { index in
            ContactEvent(eventID: "e\(index)", source: Bool.random(using: &generator) ? "a" : "b", contactID: "c1",
                         occurredAt: at(times.randomElement(using: &generator)!),
                         data: datas.randomElement(using: &generator)!, raw: .null)
        }
    }
}
