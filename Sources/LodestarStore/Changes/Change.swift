public import JSON

/// What a board change is about: the SSE `event:` name on `GET /v1/stream` (SPEC §4).
public enum ChangeKind: String, Sendable, CaseIterable {
    case dispatch
    case team
    case followUp = "follow_up"
    case signal
}

/// A change to announce on the stream: its kind and the resource as the API shows it.
/// Appended inside the transaction that makes the change (`Change.insertSQL`), so it is
/// announced if and only if the change is committed.
public struct Change: Sendable {
    public var kind: ChangeKind
    public var body: JSONValue

    public init(kind: ChangeKind, body: JSONValue) {
        self.kind = kind
        self.body = body
    }

    /// Appends the changes given as one `jsonb` parameter (`Change.recordset`), in order.
    /// Add it to the batch of the writing transaction.
    public static let insertSQL = """
        INSERT INTO change_log (kind, body)
        SELECT e.value->>'kind', e.value->'body' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, n)
        ORDER BY e.n
        """

    /// The parameter of `insertSQL`.
    public static func recordset(_ changes: [Change]) -> String {
        JSONValue.array(changes.map { ["kind": .string($0.kind.rawValue), "body": $0.body] }).description
    }
}
