/// The location of a value in a request body, as reported to clients: `events[3].data.channel`.
///
/// The root (the whole body) is the empty string, as in JSON Pointer. Member names that are
/// not plain identifiers are written quoted in brackets (`data["odd key"]`) and shortened, so
/// a path stays readable and bounded whatever key a client sent.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public private(set) var description: String

    /// The whole document.
    public static let root = JSONPath(description: "")

    private init(description: String) {
        self.description = description
    }

    /// The path of member `name` of the object at this path.
    public func member(_ name: String) -> JSONPath {
        if Self.isIdentifier(name) {
            return JSONPath(description: description.isEmpty ? name : description + "." + name)
        }
        var shown = String(name.unicodeScalars.prefix(Self.maxShownKeyLength))
        if shown.unicodeScalars.count < name.unicodeScalars.count { shown += "…" }
        return JSONPath(description: description + "[" + Self.quoted(shown) + "]")
    }

    /// The path of element `index` of the array at this path.
    public func element(_ index: Int) -> JSONPath {
        JSONPath(description: description + "[\(index)]")
    }

    static let maxShownKeyLength = 40

    private static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxShownKeyLength && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where Identifier.isControl(scalar): out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
