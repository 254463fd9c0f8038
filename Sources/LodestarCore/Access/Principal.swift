/// The authenticated caller of a request: the token's name (the audit log's "who"), its role,
/// and the sources it may post events for.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// Sources granted besides the token's own name (`lodestar token create --source S`).
    public var grantedSources: Set<String>

    public init(name: String, role: Role, grantedSources: Set<String> = []) {
        self.name = name
        self.role = role
        self.grantedSources = grantedSources
    }

    /// Whether events may name `source` (SPEC §3): the token's own name or a granted source,
    /// so no token can claim another centre's event ids.
    public func mayPost(for source: String) -> Bool {
        source == name || grantedSources.contains(source)
    }
}
