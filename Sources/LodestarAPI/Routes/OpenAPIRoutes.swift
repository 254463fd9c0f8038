import HTTP
import JSON

/// `GET /openapi.json` (SPEC §2): the OpenAPI 3.1 document of this API, no authentication.
enum OpenAPIRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>) {
        let body = OpenAPIDocument.json.serialized()
        builder.add("GET", "/openapi.json", access: .anyone) { _, _ in
            .json(body)
        }
    }
}
