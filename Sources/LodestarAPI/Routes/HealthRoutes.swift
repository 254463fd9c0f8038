import HTTP
import JSON
import LodestarStore
import Loop

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers and its schema
/// is current). No authentication: load balancers and orchestrators call them.
enum HealthRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        // Serialised once: load balancers call this every few seconds from every instance.
        let alive = JSONValue.object(JSONObject([("status", "ok")])).serialized()
        builder.add("GET", "/healthz", access: .anyone) { _, _ in
            .json(alive)
        }
        builder.add("GET", "/readyz", access: .anyone) { _, _ in
            guard context.schema.isCurrent, await context.database.isReachable() else {
                throw Problem.unavailable("The database is not reachable or not yet migrated.", retryAfterSeconds: 2)
            }
            return .json(["status": "ready"])
        }
    }
}
