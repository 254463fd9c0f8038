public import HTTP

/// Lodestar's HTTP application: every route, wired to its dependencies, frozen once.
public struct Application: Sendable {
    public init() {}

    /// Builds the router with every route of the API.
    public func makeRouter() -> Router<Handler> {
        var builder = RouterBuilder<Handler>()
        HealthRoutes.register(in: &builder)
        return builder.freeze()
    }
}
