/// The route a request matched: its registered pattern, what it declared about its callers and
/// the values of its `{name}` segments.
public struct MatchedRoute<Access: Sendable>: Sendable {
    /// The pattern as registered, e.g. `/v1/contacts/{contact_id}`.
    public let pattern: String
    /// What the route declared at registration (e.g. the roles it allows).
    public let access: Access
    public let parameters: PathParameters
    /// The route's position among the pipeline's routes, in the order they were added: per-route
    /// tables (the metrics') are arrays indexed by it rather than dictionaries keyed by pattern.
    let index: Int
}
