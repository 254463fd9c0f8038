import Loop

/// One step every request passes through on its way to the handler, and every response (or
/// thrown error) on its way back.
///
/// A middleware may answer by itself (not calling `next`), pass a changed request or context on,
/// change the response, or observe a thrown error and rethrow it. Errors travel as errors until
/// some middleware or the pipeline turns them into responses, so an outer middleware can still
/// tell what failed.
///
/// Middleware run on the caller's executor (`nonisolated(nonsending)`, the default for
/// nonisolated async code here): a request already runs on the loop, and a chain of
/// actor-isolated calls would check for an executor switch at every step (the largest item
/// in the request path's profile).
public protocol Middleware<Context>: Sendable {
    associatedtype Context: RequestContext

    func handle(_ request: Request, context: Context, next: MiddlewareNext<Context>) async throws -> Response
}

/// The rest of the chain after a middleware: the next middleware, or at the end the handler.
public typealias MiddlewareNext<Context> = (Request, Context) async throws -> Response

/// One middleware as the pipeline holds it: its `handle`, bound where its type was known.
typealias MiddlewareStep<Context> = @Sendable (Request, Context, MiddlewareNext<Context>) async throws -> Response
