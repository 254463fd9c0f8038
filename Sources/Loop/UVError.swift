import CUV

/// A libuv failure, converted from libuv's negative `int` return codes at the boundary.
public struct UVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The negative libuv error code (e.g. `UV_EADDRINUSE`).
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The symbolic name, e.g. `EADDRINUSE`.
    public var name: String { String(cString: uv_err_name(code)) }

    /// What went wrong, in libuv's words, e.g. `address already in use`.
    public var message: String { String(cString: uv_strerror(code)) }

    public var description: String { "\(name): \(message)" }

    /// Throws when a libuv call returned a negative status.
    @inline(__always)
    static func check(_ status: Int32) throws(UVError) {
        if status < 0 { throw UVError(code: status) }
    }

    public static let endOfFile = UVError(code: Int32(UV_EOF.rawValue))
    public static let cancelled = UVError(code: Int32(UV_ECANCELED.rawValue))
    public static let timedOut = UVError(code: Int32(UV_ETIMEDOUT.rawValue))
    /// Among others, what `TCPListener` throws for a host that is not an IP address.
    public static let invalidArgument = UVError(code: Int32(UV_EINVAL.rawValue))
}
