import Foundation
import JSON
import Testing

/// `GET /v1/audit` pages with `next` and records its own reads (SPEC §8).
@Suite struct AuditPagingAPITests {
    @Test func theAuditLogPagesWithNextAndAuditsItsReads() async throws {
        let fixture = try await ServerFixture.startAsync()
        defer { _ = fixture.server.stop() }
        // Three contact reads make three entries beside the token creations.
        for _ in 0..<3 {
            _ = try await fixture.server.request("GET", "/v1/contacts/\(uniqueID("probe"))", token: fixture.token("manager"))
        }
        let total = Int(try fixture.database.sql("SELECT count(*) FROM audit_log")) ?? 0
        #expect(total >= 7)

        var seen: [JSONValue] = []
        var next: String? = "/v1/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&limit=2"
        var pages = 0
        while let path = next, pages < 20 {
            let page = try await fixture.server.request("GET", path, token: fixture.token("admin"))
            #expect(page.status == 200)
            let entries = page.json?["entries"]?.arrayValue ?? []
            #expect(entries.count <= 2)
            seen += entries
            next = page.json?["next"]?.stringValue
            pages += 1
        }
        // Every entry there at the first read once, oldest first; the paging ended, as a future
        // `to` is settled at the first page's read; each page read was itself recorded.
        #expect(next == nil)
        #expect(seen.count == total || seen.count == total + 1)
        let times = seen.compactMap { $0["at"]?.stringValue }
        #expect(times == times.sorted())
        #expect(try fixture.database.sql("SELECT count(*) FROM audit_log WHERE action = 'audit.read'") == String(pages))
        // With one entry a page, too.
        var single: String? = "/v1/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&limit=1"
        var singlePages = 0
        while let path = single, singlePages < 200 {
            single = try await fixture.server.request("GET", path, token: fixture.token("admin")).json?["next"]?.stringValue
            singlePages += 1
        }
        #expect(single == nil)

        let forged = try await fixture.server.request("GET", "/v1/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&after=x", token: fixture.token("admin"))
        #expect(forged.status == 422)
    }
}

/// `from` and `to` are optional (SPEC §8 lists them like the other routes' filters): a bound
/// left out is open, and `next` keeps it so.
@Suite struct AuditWithoutWindowAPITests {
    /// Without bounds the log is paged from its first entry up to the first page's read, whose
    /// time `next` carries: each page's own read is logged too, and an open top would let a
    /// one-entry page chase its own reads for ever.
    @Test func withoutFromAndToTheLogPagesToTheFirstReadAndEnds() async throws {
        let fixture = try await ServerFixture.startAsync()
        defer { _ = fixture.server.stop() }
        _ = try await fixture.server.request("GET", "/v1/contacts/\(uniqueID("probe"))", token: fixture.token("manager"))
        let total = Int(try fixture.database.sql("SELECT count(*) FROM audit_log")) ?? 0
        #expect(total >= 5)

        var seen: [JSONValue] = []
        var next: String? = "/v1/audit?limit=1"
        var pages = 0
        while let path = next, pages < total + 5 {
            let page = try await fixture.server.request("GET", path, token: fixture.token("admin"))
            #expect(page.status == 200, "\(path): \(page.text)")
            seen += page.json?["entries"]?.arrayValue ?? []
            next = page.json?["next"]?.stringValue
            #expect(next.map { !$0.contains("from=") && $0.contains("to=") } ?? true, "\(next ?? "")")
            pages += 1
        }
        #expect(next == nil)
        // Every entry there at the start, once and oldest first (the first page's own read is
        // logged at or after the bound, so it may or may not be in the window).
        #expect(seen.count == total || seen.count == total + 1)
        let times = seen.compactMap { $0["at"]?.stringValue }
        #expect(times == times.sorted())
        let oldest = try fixture.database.sql("SELECT action FROM audit_log ORDER BY at, id LIMIT 1")
        #expect(seen.first?["action"] == .string(oldest))
    }

    @Test func eachBoundAloneLimitsOneEnd() async throws {
        let fixture = try await FixtureCache.events.get()
        let admin = fixture.token("admin")
        let past = try await fixture.server.request("GET", "/v1/audit?to=2000-01-01T00:00:00Z", token: admin)
        #expect(past.status == 200)
        #expect(past.json?["entries"]?.arrayValue?.isEmpty == true)
        let future = try await fixture.server.request("GET", "/v1/audit?from=2100-01-01T00:00:00Z", token: admin)
        #expect(future.status == 200)
        #expect(future.json?["entries"]?.arrayValue?.isEmpty == true)

        let open = try await fixture.server.request("GET", "/v1/audit?from=2000-01-01T00:00:00Z&limit=1", token: admin)
        #expect(open.status == 200)
        #expect(open.json?["entries"]?.arrayValue?.count == 1)
        let next = try #require(open.json?["next"]?.stringValue)
        #expect(next.contains("from=2000-01-01T00%3A00%3A00.000Z") && next.contains("to="))
        #expect(try await fixture.server.request("GET", next, token: admin).status == 200)
    }
}

extension ServerFixture {
    /// A server of its own, for a test that counts every row of its database.
    static func startAsync() async throws -> ServerFixture {
        try await ServerFixture.started(extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"])
    }
}
