
/// The authenticated caller of a request: the token's name (the audit log's "who") and role.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
