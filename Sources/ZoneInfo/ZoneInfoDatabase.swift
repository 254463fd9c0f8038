public import Time
import Synchronization

/// The system's time-zone database (Debian's `tzdata` under `/usr/share/zoneinfo`): zone rules
/// by IANA name, each file read and parsed once, then served from memory.
///
/// Only zones that load are cached, so the cache holds at most the database's few hundred
/// zones whatever names clients try. A first lookup reads a file of a few kilobytes with a
/// blocking read.
public final class ZoneInfoDatabase: Sendable {
    /// The database Debian's `tzdata` installs.
    public static let system = ZoneInfoDatabase(directory: "/usr/share/zoneinfo")

    /// The directory holding one TZif file per zone name.
    public let directory: String
    private let cache = Mutex<[String: ZoneRules]>([:])

    public init(directory: String) {
        self.directory = directory
    }

    /// The rules of the zone called `name`, e.g. `America/Chicago`.
    ///
    /// `UTC` is built in and needs no file.
    public func rules(named name: String) throws(UnknownTimeZone) -> ZoneRules {
        if name == ZoneRules.utc.name { return .utc }
        if let cached = cache.withLock({ $0[name] }) { return cached }
        guard ZoneName.isValid(name) else { throw UnknownTimeZone(name: name, reason: .invalidName) }
        guard let bytes = ZoneFile.read(path: directory + "/" + name) else {
            throw UnknownTimeZone(name: name, reason: .notFound)
        }
        let rules: ZoneRules
        do {
            rules = try ZoneRules(name: name, tzif: bytes)
        } catch {
            throw UnknownTimeZone(name: name, reason: .invalidData(error))
        }
        cache.withLock { $0[name] = rules }
        return rules
    }
}
