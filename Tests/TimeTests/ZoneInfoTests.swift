import Foundation
import Testing
import Time
import ZoneInfo

@Suite struct ZoneInfoTests {
    func reason(_ name: String, in database: ZoneInfoDatabase = .system) -> UnknownTimeZone.Reason? {
        let error = #expect(throws: UnknownTimeZone.self) { try database.rules(named: name) }
        #expect(error?.name == name)
        return error?.reason
    }

    @Test(arguments: [
        "", "../etc/passwd", "/etc/passwd", "America/../../etc/passwd", "America//Chicago", "America/Chicago/",
        "/America/Chicago", "zone.tab", "America/Chicago\u{0}", "America/Chicago ", "Europe/Zürich",
        String(repeating: "A", count: 129),
    ])
    func refusesNamesOfAnotherShape(_ name: String) {
        #expect(reason(name) == .invalidName)
    }

    @Test func unknownZonesAreNotFound() {
        #expect(reason("Mars/Olympus") == .notFound)
        #expect(reason("America") == .notFound)
        #expect(reason("america/chicago") == .notFound)
    }

    @Test func loadsIANANames() throws {
        let chicago = try ZoneInfoDatabase.system.rules(named: "America/Chicago")
        #expect(chicago.name == "America/Chicago")
        #expect(try ZoneInfoDatabase.system.rules(named: "America/Chicago") == chicago)
        #expect(try ZoneInfoDatabase.system.rules(named: "America/Argentina/Buenos_Aires").utcOffset(at: at("2026-01-01T00:00:00Z")) == -10_800)
        // POSIX-style names count west as positive: Etc/GMT+5 is five hours behind UTC.
        #expect(try ZoneInfoDatabase.system.rules(named: "Etc/GMT+5").utcOffset(at: at("2026-01-01T00:00:00Z")) == -18_000)
    }

    @Test func utcIsBuiltIn() throws {
        let empty = ZoneInfoDatabase(directory: "/nonexistent")
        #expect(try empty.rules(named: "UTC") == ZoneRules.utc)
        #expect(reason("Etc/UTC", in: empty) == .notFound)
    }

    @Test func refusesFilesThatAreNotTZif() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not a zone".utf8).write(to: directory.appendingPathComponent("Plain"))
        let database = ZoneInfoDatabase(directory: directory.path)
        #expect(reason("Plain", in: database) == .invalidData(.notTZif))
    }

    @Test func servesLoadedZonesFromMemory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Test"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Test/Zone")
        try FileManager.default.copyItem(atPath: "/usr/share/zoneinfo/America/Denver", toPath: file.path)
        let database = ZoneInfoDatabase(directory: directory.path)
        let first = try database.rules(named: "Test/Zone")
        try FileManager.default.removeItem(at: file)
        #expect(try database.rules(named: "Test/Zone") == first)
        #expect(first.utcOffset(at: at("2026-07-01T00:00:00Z")) == -21_600)
    }

    @Test func theErrorNamesNoInput() {
        let error = UnknownTimeZone(name: "Mars/Olympus", reason: .notFound)
        #expect(!error.description.contains("Mars"))
    }
}
