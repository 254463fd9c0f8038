import HTTP
import JSON
import Loop
import Testing

/// The pipeline: routing first, then the middleware in the order added, then the handler.
@Suite struct PipelineTests {
    init() { EventLoop.startInBackground() }

    /// A context that middleware stamp on their way in, so the handler can show the order.
    struct StampedContext: RequestContext {
        var core: CoreRequestContext<String>
        var stamps: [String] = []

        init(core: CoreRequestContext<String>) {
            self.core = core
        }
    }

    /// Records entering and leaving; answers by itself instead of calling `next` when `answers`.
    struct Recorder: Middleware {
        let name: String
        let trail: Trail
        var answers = false

        func handle(_ request: Request, context: StampedContext, next: MiddlewareNext<StampedContext>) async throws -> Response {
            trail.record("\(name) in")
            if answers { return .text("answered by \(name)") }
            var context = context
            context.stamps.append(name)
            let response = try await next(request, context)
            trail.record("\(name) out")
            return response
        }
    }

    /// Sees what routing found before any handler runs.
    struct RouteSpy: Middleware {
        let trail: Trail

        func handle(_ request: Request, context: StampedContext, next: MiddlewareNext<StampedContext>) async throws -> Response {
            trail.record("route \(context.routeLabel) access \(context.route?.access ?? "none") id \(context.parameters["id"] ?? "none")")
            return try await next(request, context)
        }
    }

    struct Failure: Error {}

    @LoopActor
    static func pipeline(_ middleware: [any Middleware<StampedContext>]) -> Pipeline<StampedContext> {
        var builder = PipelineBuilder<StampedContext>()
        for item in middleware { builder.add(middleware: item) }
        builder.add("GET", "/v1/things/{id}", access: "readers") { _, context in
            .text(context.stamps.joined(separator: ","))
        }
        builder.add("GET", "/fail", access: "anyone") { _, _ in throw Failure() }
        return builder.freeze()
    }

    @Test @LoopActor func middlewareRunInTheOrderAddedAndUnwindInReverse() async {
        let trail = Trail()
        let pipeline = Self.pipeline([Recorder(name: "a", trail: trail), Recorder(name: "b", trail: trail), Recorder(name: "c", trail: trail)])
        let response = await pipeline.respond(to: .make("/v1/things/t1"))
        #expect(response.status == 200)
        // Each middleware passed its changed context on: the handler saw every stamp, in order.
        #expect(response.body.text == "a,b,c")
        #expect(trail.events == ["a in", "b in", "c in", "c out", "b out", "a out"])
    }

    @Test @LoopActor func aMiddlewareMayAnswerWithoutTheRest() async {
        let trail = Trail()
        let pipeline = Self.pipeline([Recorder(name: "a", trail: trail), Recorder(name: "b", trail: trail, answers: true), Recorder(name: "c", trail: trail)])
        let response = await pipeline.respond(to: .make("/v1/things/t1"))
        #expect(response.body.text == "answered by b")
        #expect(trail.events == ["a in", "b in", "a out"])
    }

    @Test @LoopActor func middlewareKnowTheMatchedRouteBeforeTheHandler() async {
        let trail = Trail()
        let pipeline = Self.pipeline([RouteSpy(trail: trail)])
        _ = await pipeline.respond(to: .make("/v1/things/caf%C3%A9"))
        _ = await pipeline.respond(to: .make("/v1/nothing/here"))
        _ = await pipeline.respond(to: .make("POST", "/v1/things/t1"))
        #expect(trail.events == [
            "route /v1/things/{id} access readers id café",
            "route unmatched access none id none",
            "route unmatched access none id none",
        ])
    }

    @Test @LoopActor func unmatchedRequestsPassTheMiddlewareThen404Or405() async {
        let trail = Trail()
        let pipeline = Self.pipeline([Recorder(name: "a", trail: trail)])
        let missing = await pipeline.respond(to: .make("/v1/nothing"))
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        let wrongMethod = await pipeline.respond(to: .make("DELETE", "/v1/things/t1"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET, HEAD")
        // A method no one has heard of is not implemented (RFC 9110 §9.1); methods are case-sensitive.
        for unknown in ["BREW", "get"] {
            let response = await pipeline.respond(to: .make(unknown, "/v1/things/t1"))
            #expect(response.status == 501, "\(unknown)")
            #expect(response.header("Content-Type") == "application/problem+json")
        }
        #expect(trail.events == ["a in", "a in", "a in", "a in"])
    }

    @Test @LoopActor func aHandlersOwnErrorBecomesA500ThatRevealsNothing() async {
        let response = await Self.pipeline([]).respond(to: .make("/fail"))
        #expect(response.status == 500)
        #expect(!response.body.text.contains("Failure"))
        #expect(Response.status(for: Failure()) == 500)
        #expect(Response.status(for: Problem.notFound()) == 404)
    }
}

extension Response.Body {
    /// A complete body as text; empty for a stream.
    var text: String {
        if case .bytes(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }
}
