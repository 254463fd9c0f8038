import Loop
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TCPTests {
    init() { EventLoop.startInBackground() }

    /// An echo server on the loop, exercised by a blocking client socket on a test thread.
    @Test func echoServerRoundTripsBytes() async throws {
        let port = try await startEchoServer()
        #expect(port > 0)
        let reply = try BlockingClient.exchange(port: port, send: Array("hello, loop".utf8), expect: 11)
        #expect(String(decoding: reply, as: UTF8.self) == "hello, loop")
    }

    @LoopActor func startEchoServer() throws -> Int {
            let listener = try TCPListener(host: "127.0.0.1", port: 0)
            try listener.listen { result in
                guard case .success(let connection) = result else { return }
                connection.startReading { event in
                    switch event {
                    case .data(let bytes): connection.write(bytes)
                    case .endOfStream, .failed: connection.close(); listener.close()
                    }
                }
            }
            return listener.port
    }

    @Test func bindingAPortInUseFails() async throws {
        let error = await bindTwice()
        #expect(error?.name == "EADDRINUSE")
    }

    @LoopActor func bindTwice() -> UVError? {
            do throws(UVError) {
                let first = try TCPListener(host: "127.0.0.1", port: 0)
                try first.listen { _ in }
                defer { first.close() }
                let second = try TCPListener(host: "127.0.0.1", port: first.port)
                defer { second.close() }
                try second.listen { _ in }
                return nil
            } catch {
                return error
            }
    }
}

/// A plain blocking socket client, independent of the code under test.
enum BlockingClient {
    struct Failure: Error {}

    static func exchange(port: Int, send bytes: [UInt8], expect count: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        defer { Glibc.close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure() }
        guard Glibc.send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure() }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < count {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { throw Failure() }
            received += buffer[0..<n]
        }
        shutdown(fd, Int32(SHUT_WR))
        return received
    }
}
