import Foundation
import JSON
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response as the API tests inspect it.
struct APIResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var json: JSONValue? { try? JSON.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

extension ServerProcess {
    /// Sends one request with an optional bearer token and JSON (or raw) body.
    func request(_ method: String, _ path: String, token: String? = nil, json: JSONValue? = nil, raw: String? = nil) async throws -> APIResponse {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.serialized())
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let raw {
            request.httpBody = Data(raw.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return APIResponse(status: http.statusCode, headers: headers, body: Array(data))
    }
}
