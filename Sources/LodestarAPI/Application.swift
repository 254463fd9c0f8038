public import HTTP
public import LodestarStore
public import Logging
public import Loop

/// Lodestar's HTTP application: every route, wired to its dependencies, frozen once.
@LoopActor
public final class Application {
    let context: APIContext

    public init(database: Database, settings: APISettings = APISettings(), logger: Logger) {
        context = APIContext(settings: settings, database: database, logger: logger)
    }

    /// Marks the schema as current: `/readyz` answers 200 from then on (while the database answers).
    public func markMigrated() { context.isMigrated = true }

    /// Builds the router with every route of the API.
    public func makeRouter() -> Router<Handler> {
        var builder = RouterBuilder<Handler>()
        HealthRoutes.register(in: &builder, context: context)
        EventRoutes.register(in: &builder, context: context)
        ContactRoutes.register(in: &builder, context: context)
        AuditRoutes.register(in: &builder, context: context)
        return builder.freeze()
    }
}
