/// Why a byte sequence is not acceptable JSON.
///
/// The message names the rule that was broken and never repeats any of the input, because
/// request bodies may carry a caller's personal data and errors end up in logs and responses.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset from the start of the input where the problem was found.
    public var offset: Int
    /// A fixed description of the broken rule.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String {
        "invalid JSON at byte \(offset): \(message)"
    }
}
