/// Caps on every size and count a request may use, so a client cannot make the parser buffer or
/// work without bound.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request head (request line, field lines and their CRLFs, plus any empty lines
    /// before the request line) in bytes; more is answered with 431. Chunked trailers share it.
    public var maxHeadBytes: Int
    /// Largest body in bytes, whether announced by Content-Length or summed over chunks; 413.
    public var maxBodyBytes: Int
    /// Most field lines in one head (and, separately, in one trailer section); 431.
    public var maxHeaderCount: Int
    /// Longest chunk extension (everything after the chunk size on its line) in bytes; 400.
    public var maxChunkExtensionBytes: Int

    /// Creates limits; the defaults are the product contract's (16 KiB head, 1 MiB body).
    public init(
        maxHeadBytes: Int = 16 * 1024,
        maxBodyBytes: Int = 1 << 20,
        maxHeaderCount: Int = 100,
        maxChunkExtensionBytes: Int = 256
    ) {
        precondition(maxHeadBytes > 0 && maxBodyBytes >= 0 && maxHeaderCount >= 0 && maxChunkExtensionBytes >= 0)
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxChunkExtensionBytes = maxChunkExtensionBytes
    }
}
