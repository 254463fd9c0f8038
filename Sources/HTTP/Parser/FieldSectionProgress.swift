/// How much of a field section (a request head, or a trailer section) has been read, so both are
/// held to `maxHeadBytes` and `maxHeaderCount` while they arrive, not only once complete.
struct FieldSectionProgress: Sendable {
    /// Bytes consumed, CRLFs included.
    private(set) var bytesRead = 0
    /// Field lines seen.
    private(set) var fieldCount = 0
    /// What to say when the section is too large ("request head", "trailer section").
    let name: String

    init(name: String) {
        self.name = name
    }

    /// Counts a complete line of `length` bytes plus its CRLF.
    mutating func addLine(length: Int, limits: HTTPLimits) throws(HTTPParseError) {
        bytesRead += length + 2
        guard bytesRead <= limits.maxHeadBytes else { throw .headTooLarge("\(name) too large") }
    }

    /// Counts a field line (after `addLine`).
    mutating func addField(limits: HTTPLimits) throws(HTTPParseError) {
        fieldCount += 1
        guard fieldCount <= limits.maxHeaderCount else { throw .headTooLarge("too many fields in \(name)") }
    }

    /// Checks a line still waiting for its CRLF: without this a client could send an endless line.
    func checkPending(_ pendingBytes: Int, limits: HTTPLimits) throws(HTTPParseError) {
        guard bytesRead + pendingBytes <= limits.maxHeadBytes else { throw .headTooLarge("\(name) too large") }
    }
}
