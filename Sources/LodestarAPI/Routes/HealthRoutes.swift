import HTTP
import JSON

/// `GET /healthz`: the process is alive and its loop answers. No authentication.
enum HealthRoutes {
    static func register(in builder: inout RouterBuilder<Handler>) {
        builder.add("GET", "/healthz") { _ in
            Response.json(JSONValue.object(JSONObject([("status", .string("ok"))])).serialized())
        }
    }
}
