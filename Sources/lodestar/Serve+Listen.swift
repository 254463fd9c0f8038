import ArgumentParser
import Logging
import Loop

extension Serve {
    /// The exit status of a `serve` that cannot listen on its address (in use, not this
    /// machine's, not an IP address): EX_UNAVAILABLE of sysexits.h, so that a supervisor can
    /// tell "this address cannot be served" from a crash.
    static let cannotListenStatus: Int32 = 69

    /// The log line's fields for a failure to listen: the address, libuv's error name and the
    /// reason in words.
    static func listenFailureMetadata(_ error: UVError, settings: ServeSettings) -> Logger.Metadata {
        // Hosts are parsed, never resolved, so a name other than localhost is refused with
        // libuv's bare "invalid argument".
        let reason = error == .invalidArgument ? "host is not an IPv4 or IPv6 address (or localhost)" : error.message
        return ["host": "\(settings.host)", "port": "\(settings.port)", "error": "\(error.name)", "reason": "\(reason)"]
    }
}
