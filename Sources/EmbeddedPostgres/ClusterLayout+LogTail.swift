import Foundation

extension ClusterLayout {
    /// The last `lines` lines of `postgres.log`, read from its end so a large log costs little.
    /// The log holds PostgreSQL's own messages, never caller data, so it may go into errors.
    func logTail(lines: Int = 20) -> String {
        guard let handle = FileHandle(forReadingAtPath: logFile) else { return "(no log at \(logFile))" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let window: UInt64 = 16_384
        try? handle.seek(toOffset: size > window ? size - window : 0)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .suffix(lines + 1)
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
