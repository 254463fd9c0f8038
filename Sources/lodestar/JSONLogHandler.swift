import JSON
import Logging
import Loop
import Time
#if canImport(Glibc)
import Glibc
#endif

/// swift-log handler writing one JSON object per line to standard error.
///
/// Keys: `ts` (RFC 3339 UTC, milliseconds or microseconds), `level`, `label`, `msg`, then metadata. Callers must keep
/// personal data out of messages and metadata; this handler cannot tell.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var members: [(String, JSONValue)] = [
            ("ts", .string(Self.timestamp())), ("level", .string(event.level.rawValue)),
            ("label", .string(label)), ("msg", .string("\(event.message)")),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() { members.append((key, Self.json(merged[key]!))) }
        var line = JSONValue.object(JSONObject(members)).serialized()
        line.append(10)
        // One write(2) per line: lines from concurrent loggers never interleave.
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let values): .object(JSONObject(values.keys.sorted().map { ($0, json(values[$0]!)) }))
        }
    }

    private static func timestamp() -> String {
        Timestamp(microseconds: WallClock.microsecondsSinceEpoch).rfc3339
    }
}
