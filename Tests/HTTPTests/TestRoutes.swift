import HTTP
import Loop

/// The routes of the server under test: one handler per behaviour the socket tests exercise.
enum TestRoutes {
    /// A failure whose text must never reach the client.
    struct Leaky: Error, CustomStringConvertible {
        var description: String { "secret-caller-name" }
    }

    static func pipeline(probe: ServerProbe) -> Pipeline<TestContext> {
        var builder = PipelineBuilder<TestContext>()
        builder.add("GET", "/hello") { _, _ in .text("hello") }
        builder.add("GET", "/healthz") { _, _ in .text("ok") }
        builder.add("POST", "/echo") { request, _ in
            Response(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .bytes(request.body))
        }
        builder.add("GET", "/slow") { request, _ in
            let milliseconds = request.query.values("ms").first.flatMap { Int($0 ?? "") } ?? 100
            probe.record("slow started")
            try await Loop.sleep(for: .milliseconds(milliseconds))
            return .text("slept \(milliseconds)")
        }
        builder.add("GET", "/held") { _, _ in
            // Answers only once the test records "release": ordering without guessing at time.
            probe.record("held started")
            while !probe.contains("release") { try await Loop.sleep(for: .milliseconds(5)) }
            return .text("released")
        }
        builder.add("GET", "/problem") { _, _ in
            throw Problem(status: 409, detail: "The dispatch is already closed.", type: "https://lodestar.test/problems/closed")
        }
        builder.add("GET", "/fail") { _, _ in throw Leaky() }
        builder.add("GET", "/events") { _, _ in
            .eventStream { writer in
                await writer.sendEvent("greeting", data: "hello")
                await writer.closed()
                probe.record("events closed")
            }
        }
        builder.add("GET", "/ticks") { _, _ in
            .eventStream { writer in
                var tick = 0
                while writer.isOpen {
                    tick += 1
                    await writer.sendEvent("tick", data: String(tick))
                    try? await Loop.sleep(for: .milliseconds(20))
                }
                probe.record("ticks ended")
            }
        }
        builder.add("GET", "/flood") { _, _ in
            // Writes until the connection gives up on a client that does not read.
            .eventStream { writer in
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                while await writer.send(chunk) {}
                probe.record("flood ended")
            }
        }
        return builder.freeze()
    }
}
