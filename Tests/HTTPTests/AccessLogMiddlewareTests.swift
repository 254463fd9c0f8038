import HTTP
import Logging
import Loop
import Testing

/// One log line per request naming the route pattern and status, never the raw path, query or a
/// failing error's text.
@Suite struct AccessLogMiddlewareTests {
    init() { EventLoop.startInBackground() }

    /// A failure whose text quotes a caller's data.
    struct Leaky: Error, CustomStringConvertible {
        var code: String
        var description: String { "lookup of +1-555-867-5309 failed" }
    }

    @LoopActor
    static func pipeline(_ capture: LogCapture) -> Pipeline<TestContext> {
        var builder = PipelineBuilder<TestContext>()
        builder.add(middleware: RequestIDMiddleware())
        builder.add(middleware: AccessLogMiddleware(logger: capture.logger) { error in
            (error as? Leaky).map { ["code": .string($0.code)] } ?? [:]
        })
        builder.add("GET", "/v1/contacts/{contact_id}") { _, _ in .text("ok") }
        builder.add("GET", "/v1/contacts/{contact_id}/fail") { _, _ in throw Leaky(code: "XX000") }
        builder.add("GET", "/v1/contacts/{contact_id}/gone") { _, _ in throw Problem.notFound("No contact with this id is known.") }
        return builder.freeze()
    }

    @Test @LoopActor func aMatchedRequestIsLoggedByPattern() async throws {
        let capture = LogCapture()
        let response = await Self.pipeline(capture).respond(to: .make("/v1/contacts/%2B1-555-867-5309?from=555"))
        let line = try #require(capture.all.first)
        #expect(capture.all.count == 1)
        #expect(line.level == .info)
        #expect(line.metadata["pattern"] == "/v1/contacts/{contact_id}")
        #expect(line.metadata["status"] == "200")
        #expect(line.metadata["method"] == "GET")
        #expect(line.metadata["request_id"] == response.header("X-Request-Id"))
        #expect(line.metadata["duration_ms"].flatMap(Double.init) != nil)
        #expect(!line.requestDerivedText.contains("555"))
    }

    @Test @LoopActor func unmatchedPathsAndOddMethodsAreLoggedWithoutThem() async throws {
        let capture = LogCapture()
        let pipeline = Self.pipeline(capture)
        _ = await pipeline.respond(to: .make("/v1/people/555-867-5309"))
        _ = await pipeline.respond(to: .make("SMITH", "/v1/contacts/555-867-5309"))
        #expect(capture.all.map { $0.metadata["pattern"] } == ["unmatched", "unmatched"])
        #expect(capture.all.map { $0.metadata["status"] } == ["404", "501"])
        #expect(capture.all.map { $0.metadata["method"] } == ["GET", "OTHER"])
        #expect(!capture.all.contains { $0.requestDerivedText.contains("555") || $0.requestDerivedText.contains("SMITH") })
    }

    @Test @LoopActor func aFailureIsLoggedByErrorTypeAndItsSafeMetadata() async throws {
        let capture = LogCapture()
        let response = await Self.pipeline(capture).respond(to: .make("/v1/contacts/c1/fail"))
        #expect(response.status == 500)
        let line = try #require(capture.all.first)
        #expect(line.level == .error)
        #expect(line.metadata["status"] == "500")
        #expect(line.metadata["error_type"] == "Leaky")
        #expect(line.metadata["code"] == "XX000")
        #expect(!line.requestDerivedText.contains("555"))
    }

    @Test @LoopActor func anAnswerThrownOnPurposeIsLoggedByStatusOnly() async throws {
        let capture = LogCapture()
        _ = await Self.pipeline(capture).respond(to: .make("/v1/contacts/c1/gone"))
        let line = try #require(capture.all.first)
        #expect(line.level == .info)
        #expect(line.metadata["status"] == "404")
        #expect(line.metadata["error_type"] == nil)
    }
}
