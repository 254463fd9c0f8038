public import Time

/// A dispatch to create: from `POST /v1/dispatches`, or from a routing decision (requested at
/// the assessment's `occurred_at`).
public struct DispatchRequest: Sendable, Hashable {
    public var contactID: String
    public var priority: DispatchPriority
    /// Capabilities the team must all have.
    public var requires: [String]
    public var requestedAt: Timestamp
    public var assignment: DispatchAssignment

    public init(contactID: String, priority: DispatchPriority = .default, requires: [String] = [], requestedAt: Timestamp,
                assignment: DispatchAssignment = .automatic(maxETAMinutes: nil)) {
        self.contactID = contactID
        self.priority = priority
        self.requires = requires
        self.requestedAt = requestedAt
        self.assignment = assignment
    }
}
