import HTTP
import Loop
import Testing

/// Every response carries `X-Request-Id`: the client's when sane, else a generated one.
@Suite struct RequestIDMiddlewareTests {
    init() { EventLoop.startInBackground() }

    @LoopActor
    static let pipeline: Pipeline<TestContext> = {
        var builder = PipelineBuilder<TestContext>()
        builder.add(middleware: RequestIDMiddleware())
        builder.add("GET", "/id") { _, context in .text(context.requestID) }
        builder.add("GET", "/fail") { _, _ in throw Problem(status: 409, detail: "No.") }
        return builder.freeze()
    }()

    static func isGenerated(_ id: String?) -> Bool {
        guard let id else { return false }
        return id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    @Test @LoopActor func aGeneratedIdIsEchoedAndGivenToTheHandler() async {
        let first = await Self.pipeline.respond(to: .make("/id"))
        let second = await Self.pipeline.respond(to: .make("/id"))
        #expect(Self.isGenerated(first.header("X-Request-Id")))
        #expect(first.header("X-Request-Id") == first.body.text)
        #expect(first.header("X-Request-Id") != second.header("X-Request-Id"))
    }

    @Test("a sane client id is kept", arguments: ["a", "0f8fad5b-d9cb-469f-a165-70867728950e", "trace:1.2_x", String(repeating: "z", count: 64)])
    @LoopActor func saneIdKept(id: String) async {
        let response = await Self.pipeline.respond(to: .make("/id", headers: [("X-Request-Id", id)]))
        #expect(response.header("X-Request-Id") == id)
        #expect(response.body.text == id)
    }

    @Test("an insane client id is replaced", arguments: [
        "", String(repeating: "z", count: 65), "+1-555-867-5309", "two words", "semi;colon", "caf\u{e9}", "a/b",
    ])
    @LoopActor func insaneIdReplaced(id: String) async {
        let response = await Self.pipeline.respond(to: .make("/id", headers: [("X-Request-Id", id)]))
        #expect(Self.isGenerated(response.header("X-Request-Id")))
    }

    @Test @LoopActor func twoClientIdsAreBothReplaced() async {
        let response = await Self.pipeline.respond(to: .make("/id", headers: [("X-Request-Id", "a"), ("X-Request-Id", "b")]))
        #expect(Self.isGenerated(response.header("X-Request-Id")))
    }

    @Test @LoopActor func errorsAndUnmatchedPathsCarryTheIdToo() async {
        let failed = await Self.pipeline.respond(to: .make("/fail", headers: [("X-Request-Id", "abc")]))
        #expect(failed.status == 409)
        #expect(failed.header("X-Request-Id") == "abc")
        let missing = await Self.pipeline.respond(to: .make("/nowhere"))
        #expect(missing.status == 404)
        #expect(Self.isGenerated(missing.header("X-Request-Id")))
    }
}
