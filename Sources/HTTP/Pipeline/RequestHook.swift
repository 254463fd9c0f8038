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
///
/// Its way in has two parts: what needs no waiting, run inline like a `RequestHook`, and
/// `before`, awaited only when the first part asks for it: an async call costs a frame and
/// the runtime's executor check on entry and on return, and most requests (to public routes)
/// need no wait.
public protocol AsyncRequestHook<Context>: Sendable {
    associatedtype Context: RequestContext

    /// On the way in, as far as it goes without waiting: false when that settled the request
    /// (throw to answer without the rest of the pipeline), true when `before` must run.
    func needsToWait(_ request: Request, context: inout Context) throws -> Bool

    /// The rest of the way in, after `needsToWait` answered true. Throw to answer without the
    /// rest of the pipeline.
    func before(_ request: Request, context: inout Context) async throws
}

/// A hook's calls, bound where its type is known (so they run specialised).
struct HookCalls<Context: RequestContext>: Sendable {
    enum Before: Sendable {
        case sync(@Sendable (Request, inout Context) throws -> Void)
        /// Whether the request needs to wait, and the waiting part (`AsyncRequestHook`).
        case async(@Sendable (Request, inout Context) throws -> Bool, @Sendable (Request, inout Context) async throws -> Void)
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
