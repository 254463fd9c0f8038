import JSON
import Loop
import Testing

/// Unknown paths and methods, and handler failures, become problem+json responses.
@Suite struct ServerErrorTests {
    init() { EventLoop.startInBackground() }

    @Test func unknownPathIs404Problem() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/nowhere"))
        let response = try client.readResponse()
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.jsonObject?["status"]?.intValue == 404)
        // An error answer does not cost the connection.
        try client.send(Wire.get("/hello"))
        #expect(try client.readResponse().text == "hello")
        await server.stop()
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/hello", method: "DELETE") + Wire.get("/echo"))
        let delete = try client.readResponse()
        #expect(delete.status == 405)
        #expect(delete.header("Allow") == "GET, HEAD")
        let get = try client.readResponse()
        #expect(get.status == 405)
        #expect(get.header("Allow") == "POST")
        await server.stop()
    }

    @Test func thrownProblemKeepsItsShape() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/problem"))
        let response = try client.readResponse()
        #expect(response.status == 409)
        #expect(response.header("Content-Type") == "application/problem+json")
        let expected: JSONValue = [
            "type": "https://lodestar.test/problems/closed", "title": "Conflict",
            "status": 409, "detail": "The dispatch is already closed.",
        ]
        #expect(try JSON.parse(response.body) == expected)
        #expect(response.jsonObject?.keys == ["type", "title", "status", "detail"])
        await server.stop()
    }

    @Test func plainErrorIs500WithoutItsMessage() async throws {
        let server = try await TestServer.start()
        let client = try WireClient(port: server.port)
        try client.send(Wire.get("/fail"))
        let response = try client.readResponse()
        #expect(response.status == 500)
        let expected: JSONValue = [
            "type": "about:blank", "title": "Internal Server Error",
            "status": 500, "detail": "The server could not complete the request.",
        ]
        #expect(try JSON.parse(response.body) == expected)
        #expect(!response.text.contains("secret"))
        #expect(!response.text.contains("Leaky"))
        await server.stop()
    }
}
