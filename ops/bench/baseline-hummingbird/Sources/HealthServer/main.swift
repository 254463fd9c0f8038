import Hummingbird

/// The body Lodestar's /healthz answers, encoded as JSON by Hummingbird.
struct Health: ResponseEncodable {
    let status: String
}

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8081
let router = Router()
router.get("healthz") { _, _ in Health(status: "ok") }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
