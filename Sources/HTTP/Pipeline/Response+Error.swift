extension Response {
    /// The response a thrown error stands for: an `HTTPResponseError`'s own; for anything else a
    /// 500 that reveals nothing of the error, whose text may quote a caller's data.
    public init(error: any Error) {
        if let error = error as? any HTTPResponseError {
            self = error.response
        } else {
            self = Problem(status: 500, detail: "The server could not complete the request.").response
        }
    }

    /// The status of `Response(error:)`, mostly without building its body.
    public static func status(for error: any Error) -> Int {
        switch error {
        case let problem as Problem: problem.status
        case let error as any HTTPResponseError: error.response.status
        default: 500
        }
    }
}
