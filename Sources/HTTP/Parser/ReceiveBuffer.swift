/// The parser's buffer: bytes appended at the back as the socket delivers them, consumed at the front.
///
/// Consumed bytes are dropped lazily, only once they make up at least half of the storage, so a
/// byte is moved a bounded number of times however the input is split: no O(n²) on large bodies.
/// Ranges handed out by `nextLine()` stay valid until the next `append`.
struct ReceiveBuffer: Sendable {
    private(set) var storage: [UInt8] = []
    /// Index in `storage` of the first unconsumed byte.
    private(set) var readIndex = 0
    /// `readIndex..<scannedEnd` is known to contain no line ending, so a line that trickles in
    /// over many reads is scanned once, not once per read.
    private var scannedEnd = 0

    /// The number of unconsumed bytes.
    var readableCount: Int { storage.count - readIndex }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        discardConsumedBytes()
        storage.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        discardConsumedBytes()
        storage.append(contentsOf: bytes)
    }

    private mutating func discardConsumedBytes() {
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
        } else if readIndex > 0, readIndex >= storage.count - readIndex {
            storage.removeSubrange(0..<readIndex)
        } else {
            return
        }
        scannedEnd = Swift.max(scannedEnd - readIndex, 0)
        readIndex = 0
    }

    /// The unconsumed byte at `offset` from the front, or nil when not received yet.
    func peek(at offset: Int) -> UInt8? {
        readIndex + offset < storage.count ? storage[readIndex + offset] : nil
    }

    /// Consumes and returns up to `limit` bytes.
    mutating func read(upTo limit: Int) -> [UInt8] {
        let end = readIndex + min(limit, readableCount)
        let bytes = Array(storage[readIndex..<end])
        readIndex = end
        return bytes
    }

    /// Consumes `count` bytes that are known to be present.
    mutating func skip(_ count: Int) {
        precondition(count <= readableCount)
        readIndex += count
    }

    /// Calls `body` with the bytes in `range`, a range handed out by `nextLine()`.
    func withBytes<Result, Failure: Error>(
        in range: Range<Int>,
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try storage.withUnsafeBufferPointer { (all) throws(Failure) -> Result in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// Consumes the next CRLF-terminated line and returns the range of its content (CRLF excluded),
    /// or returns nil when the line is not complete yet (then `readableCount` is its length so far).
    ///
    /// Line endings are where request smuggling hides, so this is strict: a LF without CR before it,
    /// or a CR without LF after it, is an error rather than a line break or a byte of content.
    mutating func nextLine() throws(HTTPParseError) -> Range<Int>? {
        let start = readIndex
        let scan = storage.withUnsafeBufferPointer { bytes in
            Self.findLineFeed(in: bytes, lineStart: start, from: Swift.max(scannedEnd, start))
        }
        switch scan {
        case .lineFeed(let index):
            readIndex = index + 1
            scannedEnd = readIndex
            return start..<(index - 1)
        case .incomplete(let resumeAt):
            scannedEnd = resumeAt
            return nil
        case .bareLineFeed:
            throw .badRequest("line ending without CR (bare LF)")
        case .bareCarriageReturn:
            throw .badRequest("CR not followed by LF (bare CR)")
        }
    }

    private enum LineScan {
        case lineFeed(Int)
        case incomplete(resumeAt: Int)
        case bareLineFeed
        case bareCarriageReturn
    }

    private static func findLineFeed(in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, from: Int) -> LineScan {
        var index = from
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.lf:
                return index > lineStart && bytes[index - 1] == ASCII.cr ? .lineFeed(index) : .bareLineFeed
            case ASCII.cr:
                guard index + 1 < bytes.count else {
                    // What follows the CR has not arrived: look at it again next time.
                    return .incomplete(resumeAt: index)
                }
                if bytes[index + 1] != ASCII.lf { return .bareCarriageReturn }
            default:
                break
            }
            index += 1
        }
        return .incomplete(resumeAt: index)
    }
}
