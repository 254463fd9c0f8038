import HTTP
import Loop
import Testing

/// Bodies declared as anything but JSON are 415; so is any `Content-Encoding` (SPEC §2).
@Suite struct JSONMediaTypeMiddlewareTests {
    init() { EventLoop.startInBackground() }

    @LoopActor
    static let pipeline: Pipeline<TestContext> = {
        var builder = PipelineBuilder<TestContext>()
        builder.add(middleware: JSONMediaTypeMiddleware())
        builder.add("POST", "/v1/events") { _, _ in .text("handled") }
        builder.add("GET", "/v1/events") { _, _ in .text("handled") }
        return builder.freeze()
    }()

    @LoopActor
    static func status(_ method: String = "POST", path: String = "/v1/events", headers: [(String, String)], body: String = "{}") async -> Int {
        await pipeline.respond(to: .make(method, path, headers: headers, body: body)).status
    }

    @Test("JSON is accepted, any case, with parameters", arguments: [
        "application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/json ; charset=\"utf-8\"", "application/json; profile=x",
    ])
    @LoopActor func json(type: String) async {
        #expect(await Self.status(headers: [("Content-Type", type)]) == 200)
    }

    @Test("anything else is 415", arguments: [
        "text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/problem+json",
        "application/json; charset=latin1", "", "application",
    ])
    @LoopActor func notJSON(type: String) async {
        #expect(await Self.status(headers: [("Content-Type", type)]) == 415)
    }

    @Test @LoopActor func aBodyWithoutContentTypeIsLeftToTheHandler() async {
        #expect(await Self.status(headers: []) == 200)
    }

    @Test @LoopActor func aContentTypeWithoutABodyIsNotJudged() async {
        #expect(await Self.status("GET", headers: [("Content-Type", "text/plain")], body: "") == 200)
    }

    @Test @LoopActor func anyContentEncodingIs415() async {
        #expect(await Self.status(headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]) == 415)
        #expect(await Self.status(headers: [("Content-Encoding", "identity")]) == 415)
        #expect(await Self.status("GET", headers: [("Content-Encoding", "gzip")], body: "") == 415)
    }

    @Test @LoopActor func twoContentTypesAre400() async {
        #expect(await Self.status(headers: [("Content-Type", "application/json"), ("Content-Type", "application/json")]) == 400)
    }

    @Test @LoopActor func unmatchedRequestsAreAnswered404Or405Regardless() async {
        #expect(await Self.status(path: "/v1/nothing", headers: [("Content-Type", "text/plain")]) == 404)
        #expect(await Self.status("PUT", headers: [("Content-Encoding", "gzip")]) == 405)
    }
}
