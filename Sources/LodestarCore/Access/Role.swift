/// Who a token speaks for (SPEC §1). Admins may do everything any role may do.
public enum Role: String, Sendable, CaseIterable, Vocabulary {
    case ingest
    case dispatcher
    case manager
    case admin

    /// Whether a token of this role may use a route open to `allowed`.
    public func may(_ allowed: Set<Role>) -> Bool {
        self == .admin || allowed.contains(self)
    }
}
