import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP port this test process listens on, so that a server started on it finds
/// the address in use.
final class OccupiedPort {
    let port: Int
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                bind(socket, sockaddr, length) == 0 && listen(socket, 1) == 0 && getsockname(socket, sockaddr, &length) == 0
            }
        }
        guard socket >= 0, bound else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            if socket >= 0 { close(socket) }
            throw POSIXError(code)
        }
        self.socket = socket
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }
}
