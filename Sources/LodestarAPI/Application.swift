public import HTTP
public import LodestarStore
public import Logging
public import Loop

/// Lodestar's HTTP application: every route and the middleware every request passes, wired to
/// their dependencies, frozen once.
@LoopActor
public final class Application {
    let context: APIContext
    /// Request counts and latencies by method, route pattern and status, for `/metrics`.
    public let metrics = RequestMetrics()
    let overdueSweeper: OverdueSweeper
    let signalSweeper: SignalSweeper

    public init(database: Database, settings: APISettings = APISettings(), logger: Logger) {
        context = APIContext(settings: settings, database: database, logger: logger)
        overdueSweeper = OverdueSweeper(store: database.followUps, interval: settings.followUp.sweepInterval, logger: logger)
        signalSweeper = SignalSweeper(database: database, settings: settings.signals, answerTargetSeconds: settings.answerTargetSeconds,
                                      logger: logger)
    }

    /// Marks the schema as current: `/readyz` answers 200 from then on (while the database
    /// answers), and `/v1` routes are served rather than answered 503.
    public func markMigrated() { context.schema.markCurrent() }

    /// Starts the work a serving process does besides answering requests: hearing token
    /// revocations (SPEC §8, for the token cache), the change feed behind `/v1/stream`,
    /// flagging overdue follow-ups every `followUp.sweepInterval` (SPEC §6), and announcing
    /// SPC signals every `signals.sweepInterval` (SPEC §7). Call once the schema is current.
    public func startBackgroundWork() {
        context.authenticator.start()
        context.database.changeFeed.start()
        context.database.dispatchOffers.start()
        overdueSweeper.start()
        signalSweeper.start()
    }

    /// Stops the background work, before the database is closed.
    public func stopBackgroundWork() {
        signalSweeper.stop()
        overdueSweeper.stop()
        context.database.dispatchOffers.stop()
        context.database.changeFeed.stop()
        context.authenticator.stop()
    }

    /// The pipeline of the whole API. Middleware, outermost first: the request id (echoed on every
    /// answer), the access log and metrics (which see every answer, errors included), a database
    /// outage turned into 503, `/v1` held at 503 until the schema is current, authentication
    /// (before anything reveals whether a route exists), then the media-type check of request
    /// bodies.
    public func makeResponder() -> some HTTPResponder {
        APIResponder(pipeline: makePipeline(), refusals: RefusalLog(logger: context.logger, metrics: metrics))
    }

    /// Every route of the API as registered, `(method, pattern)`.
    public var routes: [(method: String, pattern: String)] { makePipeline().routes }

    private func makePipeline() -> Pipeline<APIRequestContext> {
        var builder = PipelineBuilder<APIRequestContext>()
        builder.add(middleware: RequestIDMiddleware())
        builder.add(middleware: AccessLogMiddleware(logger: context.logger, errorMetadata: ErrorLogMetadata.of))
        builder.add(middleware: MetricsMiddleware(metrics: metrics))
        builder.add(middleware: DatabaseOutageMiddleware())
        builder.add(middleware: SchemaReadinessMiddleware(readiness: context.schema))
        builder.add(middleware: AuthenticationMiddleware(authenticator: context.authenticator))
        builder.add(middleware: JSONMediaTypeMiddleware())
        HealthRoutes.register(in: &builder, context: context)
        MetricsRoutes.register(in: &builder, metrics: metrics, overdueSweeper: overdueSweeper, signalSweeper: signalSweeper)
        OpenAPIRoutes.register(in: &builder)
        EventRoutes.register(in: &builder, context: context)
        ContactRoutes.register(in: &builder, context: context)
        AuditRoutes.register(in: &builder, context: context)
        StreamRoutes.register(in: &builder, context: context)
        ReportRoutes.register(in: &builder, context: context)
        RulesetRoutes.register(in: &builder, context: context)
        RoutingRoutes.register(in: &builder, context: context)
        FollowUpRoutes.register(in: &builder, context: context)
        FollowUpAttemptRoutes.register(in: &builder, context: context)
        RegionRoutes.register(in: &builder, context: context)
        TeamRoutes.register(in: &builder, context: context)
        DispatchRoutes.register(in: &builder, context: context)
        DispatchBoardRoutes.register(in: &builder, context: context)
        return builder.freeze()
    }
}

/// The API's pipeline behind a concrete type of this module: the server calls `respond` through
/// the protocol, and this call site, where the context type is known, is where the compiler
/// specialises the generic pipeline (with cross-module optimisation) instead of the server
/// running its unspecialised form through runtime metadata.
struct APIResponder: HTTPResponder {
    let pipeline: Pipeline<APIRequestContext>
    let refusals: RefusalLog

    func respond(to request: Request) async -> Response {
        await pipeline.respond(to: request)
    }

    @LoopActor
    func refuse(_ problem: Problem) -> Response {
        refusals.answer(problem)
    }
}
