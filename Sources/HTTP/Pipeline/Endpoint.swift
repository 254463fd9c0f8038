import Loop

/// A route handler: ordinary async code on the loop, given the request and its context. Throw an
/// `HTTPResponseError` to answer with it; any other error becomes a 500 that reveals nothing.
public typealias RouteHandler<Context: RequestContext> = @Sendable @LoopActor (Request, Context) async throws -> Response

/// What the router holds for a route: what it declared about its callers and its handler.
struct Endpoint<Context: RequestContext>: Sendable {
    let access: Context.Access
    let handler: RouteHandler<Context>
    /// The route's position in the order routes were added (`MatchedRoute.index`).
    let index: Int
}
