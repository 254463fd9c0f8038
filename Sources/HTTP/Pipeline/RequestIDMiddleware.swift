public import Loop

/// Gives every request an id and echoes it in `X-Request-Id` on the response, error responses
/// included, so a client's report and the server's log line can be matched up.
///
/// A client's own `X-Request-Id` is kept when it is sane: sent once, 1–64 characters, each a
/// letter, digit, `-`, `_`, `.` or `:` (a UUID fits). Anything else is replaced by a generated id.
/// Put it first: it turns errors thrown inside it into responses to add the header.
public struct RequestIDMiddleware<Context: RequestContext>: RequestHook {
    private let generator: RequestIDGenerator

    public init() {
        generator = RequestIDGenerator()
    }

    public func before(_ request: Request, context: inout Context) throws {
        context.core.requestID = request.head.headers.soleValue("X-Request-Id").flatMap(Self.acceptable) ?? generator.next()
    }

    public func after(_ request: Request, context: Context, start: MonotonicInstant, outcome: inout Result<Response, any Error>) {
        var response: Response
        switch outcome {
        case .success(let answered): response = answered
        case .failure(let error): response = Response(error: error)
        }
        response.headers.append((name: "X-Request-Id", value: context.requestID))
        outcome = .success(response)
    }

    /// The client's id when it is sane (the caller checks it was sent once).
    static func acceptable(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count), value.utf8.allSatisfy(isIDByte) else { return nil }
        return value
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }
}
