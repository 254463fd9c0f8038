import CUV
#if canImport(Glibc)
import Glibc
#endif

/// A listening TCP socket; accepted connections are handed to a callback on the loop.
@LoopActor
public final class TCPListener: UVHandle {
    private var onConnection: (@LoopActor (Result<TCPConnection, UVError>) -> Void)?

    /// Binds `host:port` (port 0 picks a free port) and listens.
    public init(host: String, port: Int, backlog: Int32 = 1024) throws(UVError) {
        super.init(type: UV_TCP)
        let status = uv_tcp_init(EventLoop.shared.raw, typed(uv_tcp_t.self))
        if status < 0 { discardUninitialised(); throw UVError(code: status) }
        didInitialise()
        do {
            var address = try SocketAddress(host: host, port: port)
            try address.withSockAddr { pointer throws(UVError) in
                try UVError.check(uv_tcp_bind(typed(uv_tcp_t.self), pointer, 0))
            }
            self.backlog = backlog
        } catch {
            close()
            throw error
        }
    }

    private var backlog: Int32 = 1024

    /// The bound port (useful after binding port 0).
    public var port: Int {
        var storage = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                _ = uv_tcp_getsockname(typed(uv_tcp_t.self), sockaddr, &length)
            }
        }
        return SocketAddress(storage: storage).port
    }

    /// Starts accepting; each new connection (or accept failure) goes to `callback`.
    public func listen(_ callback: @escaping @LoopActor (Result<TCPConnection, UVError>) -> Void) throws(UVError) {
        onConnection = callback
        try UVError.check(uv_listen(typed(uv_stream_t.self), backlog) { server, status in
            LoopActor.assumeIsolated {
                UVHandle.owner(of: server, as: TCPListener.self).accept(status)
            }
        })
    }

    private func accept(_ status: Int32) {
        guard let onConnection else { return }
        guard status >= 0 else { onConnection(.failure(UVError(code: status))); return }
        do {
            let connection = try TCPConnection()
            let accepted = uv_accept(typed(uv_stream_t.self), connection.stream)
            if accepted < 0 { connection.close(); onConnection(.failure(UVError(code: accepted))); return }
            onConnection(.success(connection))
        } catch {
            onConnection(.failure(error))
        }
    }

    override func willClose() { onConnection = nil }
}
