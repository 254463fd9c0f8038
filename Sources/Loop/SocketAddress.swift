import CUV
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address parsed from a literal host (no DNS: `localhost` maps to loopback).
struct SocketAddress {
    private var storage = sockaddr_storage()

    init(host: String, port: Int) throws(UVError) {
        let literal = host == "localhost" ? "127.0.0.1" : host
        var status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { uv_ip4_addr(literal, Int32(port), $0) }
        }
        if status != 0 {
            status = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { uv_ip6_addr(literal, Int32(port), $0) }
            }
        }
        try UVError.check(status)
    }

    init(storage: sockaddr_storage) { self.storage = storage }

    var port: Int {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            if Int32(storage.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    mutating func withSockAddr<T, E: Error>(_ body: (UnsafePointer<sockaddr>) throws(E) -> T) throws(E) -> T {
        try withUnsafeMutablePointer(to: &storage) { pointer throws(E) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr throws(E) in try body(sockaddr) }
        }
    }
}
