public import Time

/// A time-zone name that names no zone this system can load.
///
/// The API reports it as 422 on the parameter or field that carried the name.
public struct UnknownTimeZone: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Not of the IANA form (letters, digits, `/`, `_`, `-`, `+`; no empty component).
        case invalidName
        /// No such file in the time-zone database, or not a regular file.
        case notFound
        /// The file is not valid TZif.
        case invalidData(TZifError)
    }

    /// The name as asked for.
    public let name: String
    public let reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    /// Why, without echoing the name (it is whatever a client sent).
    public var description: String {
        switch reason {
        case .invalidName: "not an IANA time-zone name"
        case .notFound: "no such time zone in the time-zone database"
        case .invalidData: "the time-zone database holds no valid rules under this name"
        }
    }
}
