public import Loop

/// A step of the pipeline that needs no waiting: it looks at a request on its way in (and may
/// change its context or refuse it by throwing), and at the outcome on its way back (and may
/// change it). Request ids, the access log, metrics and media-type checks are hooks.
///
/// The pipeline runs consecutive hooks inline, in one frame, and only an async `Middleware`
/// (authentication, which may ask the database) costs an async call: measured, every async
/// layer cost about 4,000 instructions per request (a frame, a closure, an executor check).
/// Ordering is as for middleware: hooks and middleware run in the order added, and unwind in
/// reverse. A hook whose `before` throws does not see its own error in `after`; the hooks
/// outside it do.
public protocol RequestHook<Context>: Sendable {
    associatedtype Context: RequestContext

    /// On the way in. Throw to answer without the rest of the pipeline.
    func before(_ request: Request, context: inout Context) throws

    /// On the way back: the response or the error of everything inside this hook, which it may
    /// replace. `start` is when the pipeline received the request.
    func after(_ request: Request, context: Context, start: MonotonicInstant, outcome: inout Result<Response, any Error>)
}

extension RequestHook {
    public func before(_ request: Request, context: inout Context) throws {}
    public func after(_ request: Request, context: Context, start: MonotonicInstant, outcome: inout Result<Response, any Error>) {}
}

/// A hook whose way in may wait: authentication, which asks the database when its cache
/// does not know a token. Awaiting it inline costs one async call, where a `Middleware`
/// wrapping the rest of the chain costs several frames and a closure per request.
public protocol AsyncRequestHook<Context>: Sendable {
    associatedtype Context: RequestContext

    /// On the way in. Throw to answer without the rest of the pipeline.
    func before(_ request: Request, context: inout Context) async throws
}

/// A hook's calls, bound where its type is known (so they run specialised).
struct HookCalls<Context: RequestContext>: Sendable {
    enum Before: Sendable {
        case sync(@Sendable (Request, inout Context) throws -> Void)
        case async(@Sendable (Request, inout Context) async throws -> Void)
    }

    let before: Before
    let after: (@Sendable (Request, Context, MonotonicInstant, inout Result<Response, any Error>) -> Void)?
}

/// What the pipeline holds, in order: runs of hooks, each ended by an async middleware (or,
/// for the last run, by the handler).
struct PipelineSegment<Context: RequestContext>: Sendable {
    var hooks: [HookCalls<Context>] = []
    var middleware: MiddlewareStep<Context>?
}
