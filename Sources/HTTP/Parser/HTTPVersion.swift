/// The protocol versions Lodestar speaks; anything else is refused with 505 before it gets here.
public enum HTTPVersion: Sendable, Hashable {
    case http10
    case http11
}

extension HTTPVersion: CustomStringConvertible {
    /// The version as it appears on the wire, e.g. `HTTP/1.1`.
    public var description: String {
        switch self {
        case .http10: "HTTP/1.0"
        case .http11: "HTTP/1.1"
        }
    }
}
