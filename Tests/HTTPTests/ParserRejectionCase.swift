import HTTP

/// A request the parser must refuse, and the status it must refuse it with.
struct RejectionCase: Sendable, CustomStringConvertible {
    let name: String
    let request: [UInt8]
    let status: Int

    init(_ name: String, _ request: String, _ status: Int) {
        self.name = name
        self.request = Array(request.utf8)
        self.status = status
    }

    init(_ name: String, bytes: [UInt8], _ status: Int) {
        self.name = name
        self.request = bytes
        self.status = status
    }

    var description: String { name }
}

/// `POST` head prefix for framing cases; `rest` supplies the remaining field lines and body.
func post(_ rest: String) -> String {
    "POST /v1/events HTTP/1.1\r\nHost: lodestar\r\n" + rest
}
