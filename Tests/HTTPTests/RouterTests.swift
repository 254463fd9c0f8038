import HTTP
import Testing

/// Routing by method and path over a frozen trie; handlers are plain strings here.
@Suite("Router")
struct RouterTests {
    /// (method, pattern, handler) for every route under test.
    static let routes: [(String, String, String)] = [
        ("GET", "/", "root"),
        ("GET", "/healthz", "health"),
        ("GET", "/v1/teams", "list teams"),
        ("GET", "/v1/teams/available", "available teams"),
        ("PUT", "/v1/teams/{team_id}", "put team"),
        ("GET", "/v1/teams/{team_id}", "get team"),
        ("POST", "/v1/teams/{team_id}/status", "team status"),
        ("POST", "/v1/dispatches/{id}/events", "dispatch event"),
        ("GET", "/v1/rulesets/active", "active ruleset"),
        ("GET", "/v1/rulesets/{version}", "ruleset"),
        ("POST", "/v1/rulesets/{version}/activate", "activate"),
        ("GET", "/v1/a/{x}/b/{y}", "two params"),
    ]

    static let router: Router<String> = {
        var builder = RouterBuilder<String>()
        for (method, pattern, handler) in routes { builder.add(method, pattern, handler) }
        return builder.freeze()
    }()

    /// The handler and parameters, or a marker for the other outcomes, for compact assertions.
    private func route(_ method: String, _ path: String) -> (String, PathParameters)? {
        if case .found(let handler, let parameters, _) = Self.router.match(method: method, path: path) {
            return (handler, parameters)
        }
        return nil
    }

    @Test("literal and parameter routes", arguments: [
        ("GET", "/", "root"),
        ("GET", "/healthz", "health"),
        ("GET", "/v1/teams", "list teams"),
        ("GET", "/v1/teams/available", "available teams"),
        ("GET", "/v1/teams/north-1", "get team"),
        ("PUT", "/v1/teams/north-1", "put team"),
        ("POST", "/v1/dispatches/d-9/events", "dispatch event"),
        ("GET", "/v1/rulesets/active", "active ruleset"),
        ("GET", "/v1/rulesets/3", "ruleset"),
        ("POST", "/v1/rulesets/3/activate", "activate"),
    ])
    func found(method: String, path: String, handler: String) {
        #expect(route(method, path)?.0 == handler)
    }

    @Test("a literal wins over a parameter at the same position")
    func literalPrecedence() {
        let available = route("GET", "/v1/teams/available")
        #expect(available?.0 == "available teams")
        #expect(available?.1.count == 0)
        #expect(route("GET", "/v1/teams/availablex")?.1["team_id"] == "availablex")
    }

    @Test("a dead-end literal branch falls back to the parameter branch")
    func backtracking() {
        let status = route("POST", "/v1/teams/available/status")
        #expect(status?.0 == "team status")
        #expect(status?.1["team_id"] == "available")
        #expect(route("POST", "/v1/rulesets/active/activate")?.1["version"] == "active")
    }

    @Test("parameters are captured by name and percent-decoded")
    func parameters() {
        let match = route("GET", "/v1/a/caf%C3%A9%20au%2Flait/b/x+y")
        #expect(match?.0 == "two params")
        #expect(match?.1["x"] == "café au/lait")
        #expect(match?.1["y"] == "x+y")
        #expect(match?.1["z"] == nil)
    }

    @Test("a parameter that does not decode is not found", arguments: ["%zz", "%C3", "%FF", "abc%4"])
    func undecodable(segment: String) {
        #expect(Self.router.match(method: "GET", path: "/v1/teams/\(segment)") == .notFound)
    }

    @Test("a known path with another method is 405 with a sorted Allow list")
    func methodNotAllowed() {
        #expect(Self.router.match(method: "DELETE", path: "/v1/teams/t1") == .methodNotAllowed(allow: ["GET", "HEAD", "PUT"]))
        #expect(Self.router.match(method: "GET", path: "/v1/teams/t1/status") == .methodNotAllowed(allow: ["POST"]))
        #expect(Self.router.match(method: "POST", path: "/healthz") == .methodNotAllowed(allow: ["GET", "HEAD"]))
    }

    @Test("405 lists the methods of every route the path matches")
    func allowUnion() {
        // `/v1/teams/available` matches the literal (GET) and the parameter route (GET, PUT).
        #expect(route("PUT", "/v1/teams/available")?.0 == "put team")
        #expect(Self.router.match(method: "DELETE", path: "/v1/teams/available") == .methodNotAllowed(allow: ["GET", "HEAD", "PUT"]))
    }

    @Test("a match reports the pattern the route was registered with", arguments: [
        ("GET", "/", "/"),
        ("GET", "/v1/teams/available", "/v1/teams/available"),
        ("GET", "/v1/teams/north-1", "/v1/teams/{team_id}"),
        ("POST", "/v1/teams/available/status", "/v1/teams/{team_id}/status"),
        ("HEAD", "/v1/rulesets/3", "/v1/rulesets/{version}"),
        ("GET", "/v1/a/%2B1-555/b/x", "/v1/a/{x}/b/{y}"),
    ])
    func pattern(method: String, path: String, pattern: String) {
        guard case .found(_, _, let found) = Self.router.match(method: method, path: path) else {
            Issue.record("no route for \(method) \(path)")
            return
        }
        #expect(found == pattern)
    }

    @Test("HEAD is served by the GET route")
    func head() {
        #expect(route("HEAD", "/v1/teams")?.0 == "list teams")
    }

    @Test("unknown paths are 404", arguments: [
        "/nope", "/v1", "/v1/teams/", "/healthz/", "//healthz", "/v1/teams//status", "/V1/teams",
        "/v1/%74eams", "/v1/dispatches/d-9/events/extra", "", "*", "healthz",
    ])
    func notFound(path: String) {
        #expect(Self.router.match(method: "GET", path: path) == .notFound)
    }

    @Test("methods are case-sensitive")
    func methodCase() {
        #expect(Self.router.match(method: "get", path: "/healthz") == .methodNotAllowed(allow: ["GET", "HEAD"]))
    }
}
