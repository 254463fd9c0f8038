import Loop

/// What the server hands every complete request to; a frozen `Pipeline` is the one Lodestar uses.
public protocol HTTPResponder: Sendable {
    /// The response to `request`. It never throws: by the time it returns, every failure has
    /// become a response. Runs on the caller's executor (the server calls it on the loop), so
    /// reaching it costs no executor switch.
    func respond(to request: Request) async -> Response

    /// The answer to bytes that never became a request (malformed, too large, too slow, or a
    /// connection over the limit), which the server answers with `problem` and closes. By
    /// default just `problem`; a responder may log and count it (`RefusalLog`).
    @LoopActor func refuse(_ problem: Problem) -> Response
}

extension HTTPResponder {
    @LoopActor public func refuse(_ problem: Problem) -> Response { problem.response }
}
