import HTTP

/// Extracts the token from `Authorization: Bearer <token>` (RFC 6750 §2.1).
enum BearerToken {
    static func from(_ request: Request) -> String? {
        guard let header = request.header("Authorization") else { return nil }
        // The parser already trimmed the field value; the scheme is case-insensitive.
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop { $0 == " " }
        return token.isEmpty ? nil : String(token)
    }
}
