import Foundation
import Testing

/// `lodestar db start` reaches the embedded cluster through the command line's settings: the
/// cluster reads no environment itself, so only the command line can pass `LODESTAR_DATA_DIR`
/// and `LODESTAR_PG_BIN` on. Both runs fail before anything is created or started.
@Suite struct DatabaseCommandTests {
    /// A data directory too long for a unix socket is refused, naming the socket path in it.
    @Test func theDataDirectoryComesFromTheEnvironment() throws {
        try withEmptyDirectory { empty in
            let deep = "/tmp/" + String(repeating: "d", count: 100)
            let result = try RunProcess.run(LodestarBinary.path, ["db", "start"],
                                            environment: ["LODESTAR_DATA_DIR": deep, "LODESTAR_PG_BIN": empty])
            #expect(result.status != 0)
            #expect(result.stderr.contains(deep + "/run/.s.PGSQL.5432"), "stderr: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: deep))
        }
    }

    /// A bin directory without PostgreSQL's programs is refused by name. The data directory lies
    /// under a regular file, so were the setting ignored, no cluster could be made there either.
    @Test func theBinDirectoryComesFromTheEnvironment() throws {
        try withEmptyDirectory { empty in
            _ = FileManager.default.createFile(atPath: empty + "/file", contents: Data())
            let result = try RunProcess.run(LodestarBinary.path, ["db", "start"],
                                            environment: ["LODESTAR_DATA_DIR": empty + "/file/data", "LODESTAR_PG_BIN": empty])
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(empty) (LODESTAR_PG_BIN) lacks"), "stderr: \(result.stderr)")
        }
    }

    private func withEmptyDirectory(_ body: (String) throws -> Void) throws {
        let directory = "/tmp/lsd-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }
}
