import HTTP
import Testing

/// Building routers: registration mistakes stop the process, registrations shape matching.
@Suite("RouterBuilder")
struct RouterBuilderTests {
    @Test("the same method and pattern shape twice stops the process")
    func duplicateRoute() async {
        await #expect(processExitsWith: .failure) {
            var builder = RouterBuilder<Int>()
            builder.add("GET", "/v1/teams/{id}", 1)
            builder.add("GET", "/v1/teams/{team_id}", 2)
        }
    }

    @Test("a pattern with a trailing slash stops the process")
    func trailingSlashPattern() async {
        await #expect(processExitsWith: .failure) {
            var builder = RouterBuilder<Int>()
            builder.add("GET", "/v1/teams/", 1)
        }
    }

    @Test("an explicit HEAD route wins over GET; each route names its own parameters")
    func explicitHeadAndNames() {
        var builder = RouterBuilder<Int>()
        builder.add("GET", "/v1/contacts/{contact_id}", 1)
        builder.add("HEAD", "/v1/contacts/{id}", 2)
        let router = builder.freeze()
        #expect(router.match(method: "GET", path: "/v1/contacts/c1") == .found(1, PathParameters([("contact_id", "c1")]), pattern: "/v1/contacts/{contact_id}"))
        #expect(router.match(method: "HEAD", path: "/v1/contacts/c1") == .found(2, PathParameters([("id", "c1")]), pattern: "/v1/contacts/{id}"))
        #expect(router.match(method: "POST", path: "/v1/contacts") == .notFound)
    }

    @Test("an empty router finds nothing")
    func empty() {
        let router = RouterBuilder<Int>().freeze()
        #expect(router.match(method: "GET", path: "/") == .notFound)
    }
}
