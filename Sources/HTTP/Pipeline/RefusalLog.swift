public import Logging
import Loop

/// Logs and counts what the server refuses before a request exists (a malformed head, a body
/// or head over the limits, a client too slow, a connection over the limit), as the access log
/// and the metrics do for requests: a request id echoed in `X-Request-Id`, one log line with
/// the status and the fault (the parser's messages never quote the request), and a series with
/// route `unparsed`. Without it such refusals left no trace an operator could count.
public struct RefusalLog: Sendable {
    private let logger: Logger
    private let metrics: RequestMetrics
    private let ids = RequestIDGenerator()

    public init(logger: Logger, metrics: RequestMetrics) {
        self.logger = logger
        self.metrics = metrics
    }

    @LoopActor
    public func answer(_ problem: Problem) -> Response {
        let id = ids.next()
        var response = problem.response
        response.headers.append((name: "X-Request-Id", value: id))
        metrics.record(method: "OTHER", route: "unparsed", status: problem.status, duration: .zero)
        let metadata: Logger.Metadata = [
            "pattern": "unparsed", "status": .stringConvertible(problem.status), "request_id": .string(id),
            "reason": .string(problem.detail),
        ]
        if problem.status >= 500 {
            logger.error("request refused", metadata: metadata)
        } else {
            logger.info("request refused", metadata: metadata)
        }
        return response
    }
}
