extension FramingFields {
    /// Judges the collected fields once the head is complete and says how the body is delimited.
    ///
    /// Order matters only for which status a request with several faults gets: ambiguity about
    /// the body (400) is reported before an unsupported coding (501) or a size (413).
    func resolveBody(version: HTTPVersion, limits: HTTPLimits) throws(HTTPParseError) -> BodyFraming {
        if version == .http11, hostCount == 0 {
            throw .badRequest("missing Host header")
        }
        if let transferCoding {
            if contentLength != nil {
                throw .badRequest("Content-Length and Transfer-Encoding together")
            }
            if version == .http10 {
                throw .badRequest("Transfer-Encoding in an HTTP/1.0 request")
            }
            switch transferCoding {
            case .chunked: return .chunked
            case .malformed: throw .badRequest("malformed Transfer-Encoding")
            case .unsupported: throw HTTPParseError(status: 501, detail: "transfer coding not implemented")
            }
        }
        if let contentLength {
            // Refused before the body arrives, so a client is not made to upload what is refused.
            if contentLength > limits.maxBodyBytes { throw .bodyTooLarge }
            return .length(contentLength)
        }
        return .none
    }

    /// Whether the connection may be reused after this request (RFC 9112 §9.3).
    func keepAlive(version: HTTPVersion) -> Bool {
        switch version {
        case .http11: !connectionClose
        case .http10: connectionKeepAlive && !connectionClose
        }
    }

    /// Expect: 100-continue means nothing from an HTTP/1.0 client (RFC 9110 §10.1.1).
    func expectsContinue(version: HTTPVersion) -> Bool {
        version == .http11 && sawExpectContinue
    }
}
