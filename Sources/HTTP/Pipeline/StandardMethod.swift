/// The request methods HTTP defines: RFC 9110 §9 and PATCH (RFC 5789). A route may take only
/// some; a method outside these the server does not recognise at all (501, not 405).
enum StandardMethod {
    /// Methods are case-sensitive (RFC 9110 §9.1): `get` is not `GET`.
    static func isStandard(_ method: String) -> Bool {
        switch method {
        case "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH": true
        default: false
        }
    }
}
