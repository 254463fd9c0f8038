import Loop
import Postgres
import Testing

@Suite struct ConnectionTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func connectsAndQueries() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let rows = try await connection.query("SELECT $1::int + 1 AS answer, current_setting('TimeZone') AS zone", [41])
        #expect(rows.count == 1)
        #expect(rows.columns.map(\.name) == ["answer", "zone"])
        #expect(try rows[0].decode(Int.self, column: "answer") == 42)
        #expect(rows[0]["zone"].string == "UTC")
    }

    /// A server that stops answering (stopped, or behind a network that drops packets) never
    /// closes the socket: the connection gives it up after its answer timeout, and every
    /// request on it fails as unavailable instead of waiting for ever.
    @Test @LoopActor func aServerThatStopsAnsweringIsGivenUpAfterTheAnswerTimeout() async throws {
        let server = try SilentServer()
        let connection = try await PostgresConnection.connect(
            "host=127.0.0.1 port=\(server.port) user=u dbname=d sslmode=disable gssencmode=disable", timeout: .seconds(5))
        connection.answerTimeout = .milliseconds(500)
        let started = ContinuousClock.now
        // Were the connection never given up, the test would wait for ever: fail it instead.
        // (The bound is loose: the suite's other tests share this process's loop.)
        let guardrail = Task { @LoopActor in
            try await Task.sleep(for: .seconds(90))
            Issue.record("the requests were still waiting after 90 s")
            connection.close()
        }
        defer { guardrail.cancel() }
        let first = Task { @LoopActor in try await connection.query("SELECT 1") }
        let second = Task { @LoopActor in try await connection.query("SELECT 2") }
        for task in [first, second] {
            do {
                _ = try await task.value
                Issue.record("a silent server answered")
            } catch let error as PostgresError {
                #expect(error.kind == .unavailable)
                #expect(error.message.contains("sent nothing"), "\(error.message)")
            }
        }
        #expect(ContinuousClock.now - started >= .milliseconds(500))
        #expect(connection.isClosed)
    }

    @Test @LoopActor func pipelineReturnsResultsInOrderInOneRoundTrip() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        var batch = PostgresBatch()
        let handles = (0..<200).map { batch.add("SELECT $1::int * 2", [$0]) }
        let results = try await connection.execute(batch)
        for (index, handle) in handles.enumerated() {
            #expect(try results.rows(handle)[0].decode(Int.self, at: 0) == index * 2)
        }
    }

    @Test @LoopActor func concurrentQueriesShareOneConnection() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let tasks = (0..<100).map { value in
            Task { @LoopActor in try await connection.query("SELECT $1::bigint", [value])[0].decode(Int.self, at: 0) }
        }
        var values: [Int] = []
        for task in tasks { values.append(try await task.value) }
        #expect(values.sorted() == Array(0..<100))
    }

    @Test @LoopActor func errorMidPipelineFailsOnlyItsQueryAndTheRest() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        var batch = PostgresBatch()
        let first = batch.add("SELECT 1")
        let bad = batch.add("SELECT 1 / $1::int", [0])
        let after = batch.add("SELECT 3")
        let results = try await connection.execute(batch)
        #expect(try results.rows(first)[0][0].int == 1)
        #expect(results[bad].error?.sqlState == "22012")
        #expect(results[after].error?.kind == .pipelineAborted)
        #expect(results.firstError?.sqlState == "22012")
        // The next sync group runs normally.
        let next = try await connection.pipeline { $0.add("SELECT 4") }
        #expect(try next.rows(at: 0)[0][0].int == 4)
    }

    @Test @LoopActor func preparedStatementsAreReusedAndSurviveAFailedPrepare() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        for round in 0..<3 {
            #expect(try await connection.query("SELECT $1::text || 'x'", ["\(round)"])[0][0].string == "\(round)x")
        }
        await #expect(throws: PostgresError.self) { try await connection.query("SELEC broken") }
        let error = await #expect(throws: PostgresError.self) { try await connection.query("SELEC broken") }
        #expect(error?.sqlState == "42601")
        #expect(try await connection.query("SELECT 5")[0][0].int == 5)
    }

    @Test @LoopActor func scriptRunsManyStatements() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let table = TestDatabase.uniqueName("script")
        let rows = try await connection.runScript("CREATE TEMP TABLE \(table) (n int); INSERT INTO \(table) VALUES (1), (2); SELECT sum(n) FROM \(table)")
        #expect(rows[0][0].int == 3)
        // Pipeline mode is back afterwards.
        let results = try await connection.pipeline { batch in
            batch.add("SELECT count(*) FROM \(table)")
            batch.add("SELECT 7")
        }
        #expect(try results.rows(at: 0)[0][0].int == 2)
        let failed = await #expect(throws: PostgresError.self) { try await connection.runScript("SELECT 1; SELECT nonsense_column FROM \(table); SELECT 2") }
        #expect(failed?.sqlState == "42703")
    }

    @Test @LoopActor func connectionRefusedIsUnavailable() async {
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect("host=127.0.0.1 port=1 user=postgres", timeout: .seconds(2))
        }
        #expect(error?.kind == .unavailable)
    }

    @Test @LoopActor func uniqueViolationIsMapped() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let table = TestDatabase.uniqueName("uniq")
        try await connection.query("CREATE TEMP TABLE \(table) (email text PRIMARY KEY)")
        try await connection.query("INSERT INTO \(table) VALUES ($1)", ["someone@example.org"])
        let error = await #expect(throws: PostgresError.self) {
            try await connection.query("INSERT INTO \(table) VALUES ($1)", ["someone@example.org"])
        }
        #expect(error?.isUniqueViolation == true)
        #expect(error?.constraint == "\(table)_pkey")
        #expect(error.map { !"\($0)".contains("someone@example.org") } == true)
    }

    @Test @LoopActor func dataExceptionMessagesDoNotEchoInput() async throws {
        let connection = try await TestDatabase.connect()
        defer { connection.close() }
        let error = await #expect(throws: PostgresError.self) { try await connection.query("SELECT $1::int", ["secret-value"]) }
        #expect(error?.sqlState == "22P02")
        #expect(error.map { !$0.message.contains("secret-value") } == true)
    }
}
