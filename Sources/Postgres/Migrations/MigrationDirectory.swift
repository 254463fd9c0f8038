#if canImport(Glibc)
import Glibc
#endif

/// Reads the migration files of a directory (no Foundation: two libc calls suffice).
enum MigrationDirectory {
    /// Every `.sql` file of `path`, parsed; other files are ignored, a misnamed `.sql` file is
    /// an error (it would otherwise be silently skipped).
    static func read(_ path: String) throws(MigrationError) -> [Migration] {
        guard let directory = opendir(path) else { throw MigrationError("cannot open migration directory \(path)") }
        defer { closedir(directory) }
        var migrations: [Migration] = []
        while let entry = readdir(directory) {
            let fileName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard fileName.hasSuffix(".sql") else { continue }
            guard let (version, name) = Migration.parseFileName(fileName) else {
                throw MigrationError("migration file \(fileName) is not named NNN_name.sql")
            }
            migrations.append(Migration(version: version, name: name, sql: try contents(of: "\(path)/\(fileName)")))
        }
        return migrations
    }

    private static func contents(of path: String) throws(MigrationError) -> String {
        guard let file = fopen(path, "rb") else { throw MigrationError("cannot read \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes.append(contentsOf: chunk[..<count])
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else { throw MigrationError("cannot read \(path)") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
