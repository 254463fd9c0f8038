import JSON
import LodestarCore
@testable import LodestarStore
import Loop
import Postgres
import Testing
import Time

/// What a board page shows, read from the dispatch rows (their copy of the contact's region,
/// sql/010_board.sql), and the version that says when a page read earlier is out of date: the
/// target follows the contact's region and the region's target, whatever order things arrive
/// in, and every change of them, and only those, moves the version.
@Suite struct DispatchListingVersionTests {
    init() { EventLoop.startInBackground() }

    static let t0 = Timestamp(rfc3339: "2026-11-26T10:00:00Z")!

    static func event(_ id: String, contact: String, minute: Int64 = 0, _ data: EventData) -> ContactEvent {
        ContactEvent(eventID: id, source: "center-a", contactID: contact, occurredAt: t0.adding(seconds: minute * 60), data: data,
                     raw: ["event_id": .string(id), "contact_id": .string(contact)])
    }

    @LoopActor static func region(_ code: String, target: Int, in database: Database) async throws {
        _ = try await database.regions.put(Region(code: code, name: code, type: .urban, timeZone: "UTC", responseTargetMinutes: target), by: "test")
    }

    /// A dispatch for `contact`, queued: no team has the capability it requires.
    @LoopActor static func queue(_ contact: String, requires: [String] = ["medical"], in database: Database) async throws -> Int64 {
        try await database.dispatches.create(DispatchRequest(contactID: contact, requires: requires, requestedAt: t0), by: "test").id
    }

    /// The dispatch's target as the board lists it, nil when the board does not list it.
    @LoopActor static func target(_ id: Int64, in database: Database) async throws -> Int? {
        try await database.dispatches.list(.open, limit: 1000, after: nil).entries.first { $0.dispatch.id == id }?.targetMinutes
    }

    @Test @LoopActor func theTargetFollowsTheContactsRegionAndTheRegionsOwnTarget() async throws {
        let (database, _) = try await EventStoreTests.database()
        defer { database.close() }
        try await Self.region("fast", target: 30, in: database)
        try await Self.region("slow", target: 90, in: database)
        _ = try await database.events.ingest([Self.event("r", contact: "c", .received(.init(channel: .call, region: "fast")))], by: "center-a")
        let id = try await Self.queue("c", in: database)
        #expect(try await Self.target(id, in: database) == 30)

        var version = try await database.dispatches.listingVersion()
        let refined = Self.event("a", contact: "c", minute: 5, .assessed(.init(riskLevel: .low, region: "slow")))
        _ = try await database.events.ingest([refined], by: "center-a")
        #expect(try await database.dispatches.listingVersion() > version)
        #expect(try await Self.target(id, in: database) == 90)

        version = try await database.dispatches.listingVersion()
        try await Self.region("slow", target: 100, in: database)
        #expect(try await database.dispatches.listingVersion() > version)
        #expect(try await Self.target(id, in: database) == 100)

        // An event that leaves the contact's region as it was, and a team's report, change
        // nothing a page shows.
        version = try await database.dispatches.listingVersion()
        _ = try await database.events.ingest([Self.event("n", contact: "c", minute: 1, .answered(counselorID: nil))], by: "center-a")
        _ = try await database.teams.describe(TeamDescription(id: "t", name: "t", capabilities: ["peer"], regions: [],
                                                              base: GeoPoint(lat: 45, lon: -93)), now: Self.t0, by: "test")
        #expect(try await database.teams.team("t")?.status == .available)
        #expect(try await database.dispatches.listingVersion() == version)
    }

    @Test @LoopActor func aDispatchForAContactNotYetHeardOfTakesItsRegionWhenTheContactArrives() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        try await Self.region("fast", target: 30, in: database)
        let id = try await Self.queue("later", in: database)
        #expect(try await Self.target(id, in: database) == RegionProfile.undescribed.responseTargetMinutes)
        #expect(try test.sql("SELECT region_pending FROM dispatches WHERE id = \(id)") == "t")

        let version = try await database.dispatches.listingVersion()
        _ = try await database.events.ingest([Self.event("r", contact: "later", .received(.init(channel: .text, region: "fast")))], by: "center-a")
        #expect(try await database.dispatches.listingVersion() > version)
        #expect(try await Self.target(id, in: database) == 30)
        #expect(try test.sql("SELECT region_pending FROM dispatches WHERE id = \(id)") == "f")
    }

    @Test @LoopActor func everyChangeOfADispatchMovesTheVersion() async throws {
        let (database, _) = try await EventStoreTests.database()
        defer { database.close() }
        var version = try await database.dispatches.listingVersion()
        let id = try await Self.queue("c", in: database)
        #expect(try await database.dispatches.listingVersion() > version)

        // A new team that fits takes the queued dispatch: the queue's write moves it too.
        version = try await database.dispatches.listingVersion()
        _ = try await database.teams.describe(TeamDescription(id: "t", name: "t", capabilities: ["medical"], regions: [],
                                                              base: GeoPoint(lat: 45, lon: -93)), now: Self.t0, by: "test")
        #expect(try await database.dispatches.listingVersion() > version)
        #expect(try await database.dispatches.read(id, auditedAs: "test")?.status == .assigned)

        version = try await database.dispatches.listingVersion()
        _ = try await database.dispatches.record(DispatchStepRequest(.cancelled, at: .stated(Self.t0.adding(seconds: 60))), dispatchID: id, by: "test")
        #expect(try await database.dispatches.listingVersion() > version)
        #expect(try await Self.target(id, in: database) == nil)
    }
}
