/// Request texts for the socket tests, written out byte for byte as a client would send them.
enum Wire {
    /// A GET (or other bodiless method) with `Host` and any `fields` (each ending in CRLF).
    static func get(_ path: String, method: String = "GET", _ fields: String = "") -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: test\r\n\(fields)\r\n"
    }

    /// A POST to the echo route with a Content-Length body.
    static func echo(_ body: String, _ fields: String = "") -> String {
        "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: \(body.utf8.count)\r\n\(fields)\r\n\(body)"
    }
}
