import HTTP
import Logging
import Loop

/// An `HTTPServer` with the test routes, listening on a free port of the background loop.
@LoopActor
final class TestServer {
    let server: HTTPServer
    nonisolated let port: Int
    nonisolated let probe: ServerProbe

    private init(server: HTTPServer, port: Int, probe: ServerProbe) {
        self.server = server
        self.port = port
        self.probe = probe
    }

    /// Every server started. A test that throws skips its `stop()`; its server's connections
    /// and listener still get events, and they hold the server unowned, so it must outlive the
    /// test: a failure is then reported instead of crashing the test process.
    private static var keptAlive: [HTTPServer] = []

    /// Starts a server; `configuration`'s port is ignored (a free one is picked).
    static func start(_ configuration: HTTPServerConfiguration = .testing) throws -> TestServer {
        var configuration = configuration
        configuration.port = 0
        let probe = ServerProbe()
        let logger = Logger(label: "http-test") { _ in SwiftLogNoOpLogHandler() }
        let server = HTTPServer(configuration: configuration, responder: TestRoutes.pipeline(probe: probe), logger: logger)
        try server.start()
        keptAlive.append(server)
        return TestServer(server: server, port: server.port, probe: probe)
    }

    /// Graceful stop, so no listener or connection outlives its test.
    func stop() async {
        await server.shutdown()
    }
}

extension HTTPServerConfiguration {
    /// Defaults with a short shutdown grace, so stopping a server never holds a test up long.
    /// A request may take two minutes to arrive: in the whole suite a test's client can be
    /// held up for tens of seconds between two pieces it sends (other suites start servers on
    /// the few threads async code runs on). Tests of the timeouts set their own.
    static var testing: HTTPServerConfiguration {
        HTTPServerConfiguration(host: "127.0.0.1", port: 0, requestTimeout: .seconds(120), shutdownGrace: .seconds(1))
    }
}
