/// A route pattern such as `/v1/dispatches/{id}/events`, split into its segments.
///
/// Patterns are written by programmers, not clients, so a malformed one is a precondition failure
/// at start-up rather than an error to handle.
struct RoutePattern {
    enum Segment: Equatable {
        /// Matches exactly these bytes of the (still percent-encoded) path.
        case literal(Substring)
        /// Matches any one non-empty segment and captures it under this name.
        case parameter(String)
    }

    let segments: [Segment]

    init(_ pattern: String) {
        precondition(pattern.utf8.first == ASCII.slash, "route pattern must start with '/': \(pattern)")
        let body = pattern.dropFirst()
        // `/` alone is the root: no segments. Otherwise every segment must be non-empty, so a
        // trailing slash is never part of a pattern.
        segments = body.isEmpty ? [] : body.split(separator: "/", omittingEmptySubsequences: false).map { raw in
            Self.segment(raw, in: pattern)
        }
        let names = segments.compactMap { segment -> String? in
            if case .parameter(let name) = segment { return name }
            return nil
        }
        precondition(Set(names).count == names.count, "repeated parameter name in route pattern: \(pattern)")
    }

    /// The names of the parameter segments, in order.
    var parameterNames: [String] {
        segments.compactMap { segment in
            if case .parameter(let name) = segment { return name }
            return nil
        }
    }

    private static func segment(_ raw: Substring, in pattern: String) -> Segment {
        precondition(!raw.isEmpty, "empty segment in route pattern: \(pattern)")
        if raw.first == "{" {
            precondition(raw.last == "}" && raw.count > 2, "malformed parameter in route pattern: \(pattern)")
            let name = raw.dropFirst().dropLast()
            precondition(name.utf8.allSatisfy(Self.isNameByte), "malformed parameter name in route pattern: \(pattern)")
            return .parameter(String(name))
        }
        precondition(
            raw.utf8.allSatisfy { ASCII.isTargetByte($0) && $0 != ASCII.question && $0 != ASCII.percent },
            "literal segment must be plain URI characters in route pattern: \(pattern)"
        )
        return .literal(raw)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isTokenChar(byte) && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
    }
}
