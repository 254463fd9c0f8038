import Foundation
import JSON
import LodestarCore
import LodestarStore
import Loop
import Testing
import Time

/// `LodestarStore` in process against a real database: the guarantees that hold only because
/// of how its transactions are shaped.
@Suite struct EventStoreTests {
    init() { EventLoop.startInBackground() }

    static let sqlDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sql").path

    /// A migrated database of its own. Creating it runs psql and waits for it, so that happens
    /// off the loop: every `@LoopActor` test of the process shares the loop's one thread.
    @LoopActor static func database() async throws -> (Database, TestDatabase) {
        let test = try await Task.detached { try TestDatabase.create() }.value
        let database = Database.open(connectionString: test.connectionString)
        _ = try await database.migrate(directory: sqlDirectory)
        return (database, test)
    }

    static func answered(_ id: String, contact: String) -> ContactEvent {
        let at = Timestamp(rfc3339: "2026-11-26T16:43:04Z")!
        return ContactEvent(eventID: id, source: "center-a", contactID: contact, occurredAt: at, data: .answered(counselorID: nil),
                            raw: ["event_id": .string(id), "type": "contact.answered", "contact_id": .string(contact)])
    }

    /// The same key posted at once for many contacts (so under different contact locks, in
    /// concurrent transactions): one is stored, every other is refused as a conflict naming
    /// `contact_id`, never a server error.
    @Test @LoopActor func oneKeyRacedAcrossContactsIsStoredOnceAndTheRestConflict() async throws {
        let (database, test) = try await Self.database()
        defer { database.close() }
        let tasks = (0..<24).map { index in
            Task { @LoopActor () -> Result<[IngestResult], any Error> in
                do { return .success(try await database.events.ingest([Self.answered("same", contact: "c\(index)")], by: "center-a")) }
                catch { return .failure(error) }
            }
        }
        var accepted = 0, conflicts = 0
        for task in tasks {
            switch await task.value {
            case .success(let results):
                #expect(results.map(\.status) == [.accepted])
                accepted += 1
            case .failure(let error):
                guard let refused = error as? IngestRefused, case .conflict(let found) = refused.reason else {
                    Issue.record("unexpected error \(type(of: error))")
                    continue
                }
                #expect(found == [EventConflict(eventIndex: 0, fields: [.contactID])])
                conflicts += 1
            }
        }
        #expect(accepted == 1 && conflicts == 23)
        #expect(try test.sql("SELECT count(*) FROM contact_events WHERE event_id = 'same'") == "1")
        #expect(try test.sql("SELECT count(*) FROM contacts") == "1")
    }

    /// The read pages the timeline and is audited in its own transaction, found or not.
    @Test @LoopActor func aReadReturnsAPageAndIsAudited() async throws {
        let (database, test) = try await Self.database()
        defer { database.close() }
        let events = (0..<5).map { Self.answered("e\($0)", contact: "k") }
        _ = try await database.events.ingest(events, by: "center-a")
        let first = try #require(try await database.contacts.read("k", timelineLimit: 2, after: nil, auditedAs: "reader"))
        #expect(first.timeline.count == 2)
        #expect(first.state.eventCount == 5)
        let second = try #require(try await database.contacts.read("k", timelineLimit: 10, after: first.next, auditedAs: "reader"))
        #expect(second.timeline.count == 3)
        #expect(second.next == nil)
        #expect(try await database.contacts.read("nobody", timelineLimit: 2, after: nil, auditedAs: "reader") == nil)
        #expect(try test.sql("SELECT string_agg(detail->>'found', ',' ORDER BY id) FROM audit_log WHERE action = 'contact.read'") == "true,true,false")
    }
}
