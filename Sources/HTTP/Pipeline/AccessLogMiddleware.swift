public import Logging
public import Loop

/// Writes one log line per request: method, route pattern (`unmatched` when no route matched),
/// status, request id and duration; never the raw path or query, which may carry a caller's data.
///
/// A 5xx is logged at error level; when a handler's own error caused it (not an
/// `HTTPResponseError`), the line names the error's type and whatever `errorMetadata` adds
/// (the API adds a database error's SQLSTATE), never the error's text.
public struct AccessLogMiddleware<Context: RequestContext>: RequestHook {
    private let logger: Logger
    private let errorMetadata: @Sendable (any Error) -> Logger.Metadata

    public init(logger: Logger, errorMetadata: @escaping @Sendable (any Error) -> Logger.Metadata = { _ in [:] }) {
        self.logger = logger
        self.errorMetadata = errorMetadata
    }

    public func after(_ request: Request, context: Context, start: MonotonicInstant, outcome: inout Result<Response, any Error>) {
        switch outcome {
        case .success(let response): log(request, context, status: response.status, since: start, error: nil)
        case .failure(let error): log(request, context, status: Response.status(for: error), since: start, error: error)
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: MonotonicInstant, error: (any Error)?) {
        func metadata() -> Logger.Metadata {
            var metadata: Logger.Metadata = [
                "method": .string(MethodLabel.of(request.method)),
                "pattern": .string(context.routeLabel),
                "status": .stringConvertible(status),
                "request_id": .string(context.requestID),
                "duration_ms": .stringConvertible(Self.milliseconds(MonotonicInstant.now - start)),
            ]
            if let error, !(error is any HTTPResponseError) {
                metadata["error_type"] = .string(String(describing: type(of: error)))
                metadata.merge(errorMetadata(error)) { current, _ in current }
            }
            return metadata
        }
        if status >= 500 {
            logger.error("request failed", metadata: metadata())
        } else {
            logger.info("request", metadata: metadata())
        }
    }

    /// Milliseconds to the microsecond.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds * 1_000_000 + attoseconds / 1_000_000_000_000) / 1000
    }
}
