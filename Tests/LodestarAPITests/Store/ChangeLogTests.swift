import JSON
import LodestarStore
import Loop
import Postgres
import Testing

/// The change log numbers changes in the order they become visible, not the order they were
/// appended: a reader following the numbers never passes a change that commits late.
@Suite struct ChangeLogTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func aChangeCommittedLateIsNumberedAfterTheOnesAlreadyRead() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        let writers = PostgresPool(configuration: .init(conninfo: test.connectionString, size: 2, acquireTimeout: .seconds(30)))
        defer { writers.close() }
        let append = Change.insertSQL
        let (commitGate, open) = AsyncStream.makeStream(of: Void.self)
        let (appendedGate, appended) = AsyncStream.makeStream(of: Void.self)
        // The first append takes the smaller id but commits last.
        let slow = Task { @LoopActor in
            try await writers.transaction { tx in
                _ = try await tx.query(append, [Change.recordset([Change(kind: .team, body: ["team_id": "early"])])])
                appended.yield()
                for await _ in commitGate { break }
            }
        }
        for await _ in appendedGate { break }
        try await writers.transaction { tx in
            _ = try await tx.query(append, [Change.recordset([Change(kind: .team, body: ["team_id": "late"])])])
        }

        #expect(try await database.changeLog.numberCommitted() == 1)
        let firstRead = try await database.changeLog.read(after: 0, limit: 10)
        #expect(firstRead.map(\.position) == [1])
        #expect(firstRead.first?.body.contains("late") == true)

        open.yield()
        try await slow.value
        #expect(try await database.changeLog.numberCommitted() == 1)
        let secondRead = try await database.changeLog.read(after: 1, limit: 10)
        #expect(secondRead.map(\.position) == [2])
        #expect(secondRead.first?.body.contains("early") == true)
        #expect(try await database.changeLog.latestPosition() == 2)
    }

    @Test @LoopActor func aRolledBackChangeIsNeverNumbered() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        let writers = PostgresPool(configuration: .init(conninfo: test.connectionString, size: 1, acquireTimeout: .seconds(30)))
        defer { writers.close() }
        struct Abandon: Error {}
        await #expect(throws: Abandon.self) {
            try await writers.transaction { tx in
                _ = try await tx.query(Change.insertSQL, [Change.recordset([Change(kind: .dispatch, body: ["id": "x"])])])
                throw Abandon()
            }
        }
        #expect(try await database.changeLog.numberCommitted() == 0)
        #expect(try await database.changeLog.read(after: 0, limit: 10).isEmpty)
    }
}
