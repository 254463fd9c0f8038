/// A closed set of string values a client may send.
///
/// Validation messages list the allowed values (never what the client sent), so a typo can
/// be fixed without the response echoing possibly personal input.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

extension Vocabulary {
    /// The allowed values, comma separated, in declaration order.
    public static var choicesText: String {
        allCases.map { $0.rawValue }.joined(separator: ", ")
    }
}
