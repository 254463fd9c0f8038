import JSON

/// A response as it came off the wire: status line, header fields in order, and the body
/// (de-chunked when it was chunked).
struct WireResponse {
    var version: String
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var body: [UInt8] = []

    /// The first value of a header field, matched case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The number of header fields called `name` (any case).
    func count(of name: String) -> Int {
        headers.count { $0.name.lowercased() == name.lowercased() }
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, or nil when it is not one.
    var jsonObject: JSONObject? {
        (try? JSON.parse(body))?.objectValue
    }
}

extension WireClient {
    /// Reads one response's status line and header fields, leaving its body unread.
    func readHead() throws(WireError) -> WireResponse {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw .malformed("status line \(statusLine.debugDescription)")
        }
        var response = WireResponse(version: String(parts[0]), status: status, reason: String(parts[2]), headers: [])
        while true {
            let line = try readLine()
            if line.isEmpty { return response }
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("field line \(line.debugDescription)") }
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            response.headers.append((String(line[..<colon]), String(value)))
        }
    }

    /// Reads one complete response. `bodyless` is for answers to HEAD, which announce a length
    /// but carry no body; interim (1xx) responses never have one.
    func readResponse(bodyless: Bool = false) throws(WireError) -> WireResponse {
        var response = try readHead()
        if bodyless || (100..<200).contains(response.status) { return response }
        if response.header("Transfer-Encoding") == "chunked" {
            while let chunk = try readChunk() { response.body += chunk }
        } else if let length = response.header("Content-Length") {
            guard let count = Int(length) else { throw .malformed("Content-Length \(length)") }
            response.body = try read(count: count)
        } else {
            response.body = try readUntilClosed()
        }
        return response
    }

    /// Reads a response after which the server must close the connection; throws when bytes
    /// follow it (an answer to a request that should not have been read) or it stays open.
    func readLastResponse() throws(WireError) -> WireResponse {
        let response = try readResponse()
        let after = try readUntilClosed()
        guard after.isEmpty else {
            throw .malformed("bytes after the last response: \(String(decoding: after, as: UTF8.self).debugDescription)")
        }
        return response
    }

    /// Reads one chunk of a chunked body; nil after the last chunk (and the empty trailer).
    func readChunk() throws(WireError) -> [UInt8]? {
        let sizeLine = try readLine()
        guard let size = Int(sizeLine, radix: 16) else { throw .malformed("chunk size \(sizeLine.debugDescription)") }
        if size == 0 {
            guard try readLine().isEmpty else { throw .malformed("trailer after the last chunk") }
            return nil
        }
        let data = try read(count: size)
        guard try readLine().isEmpty else { throw .malformed("chunk data longer than its size") }
        return data
    }
}
