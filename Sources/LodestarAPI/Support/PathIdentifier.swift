/// Identifiers taken from a request path (`{contact_id}`, later `{team_id}`...).
enum PathIdentifier {
    /// Whether the id could name something stored: 1–200 characters, none a control
    /// character (SPEC §3). Anything else is answered 404 before the database is asked.
    static func isPlausible(_ id: String) -> Bool {
        var count = 0
        for scalar in id.unicodeScalars {
            count += 1
            if count > 200 || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return false }
        }
        return count > 0
    }

    /// The id percent-encoded for a path segment (RFC 3986 unreserved characters kept).
    static func escaped(_ id: String) -> String { QueryValue.escaped(id) }
}

/// Values placed in a URL this server writes (`next` links).
enum QueryValue {
    /// Percent-encoded but for RFC 3986's unreserved characters: safe in a path segment and
    /// in a query value alike (a `+` in an offset becomes `%2B`, never a space).
    static func escaped(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
