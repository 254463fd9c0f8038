import JSON

/// Checks JSON against the part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that Lodestar's
/// OpenAPI document uses: `$ref` to its components, `type` (one or several), `enum`,
/// `required`, `properties`, `items` and `allOf`. Formats and bounds are not checked; members
/// the schema does not name are allowed, as the document does not forbid them.
struct SchemaValidator {
    /// The whole OpenAPI document, for `$ref`.
    let document: JSONValue

    /// Every way `value` breaks `schema`, each with its JSON path.
    func violations(of value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard let rules = schema.objectValue else { return [] }
        var found: [String] = []
        if let reference = rules["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(path): \(reference) does not resolve"] }
            found += violations(of: value, against: target, at: path)
        }
        for part in rules["allOf"]?.arrayValue ?? [] { found += violations(of: value, against: part, at: path) }
        if let type = rules["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            guard allowed.contains(where: { Self.value(value, is: $0) }) else {
                return found + ["\(path): is not of type \(allowed.joined(separator: " or "))"]
            }
        }
        if let options = rules["enum"]?.arrayValue, !options.contains(value) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let object = value.objectValue {
            for case .string(let name) in rules["required"]?.arrayValue ?? [] where object[name] == nil {
                found.append("\(path).\(name): is required")
            }
            for (name, propertySchema) in rules["properties"]?.objectValue ?? JSONObject() {
                if let member = object[name] { found += violations(of: member, against: propertySchema, at: "\(path).\(name)") }
            }
        }
        if let array = value.arrayValue, let items = rules["items"] {
            for (index, element) in array.enumerated() { found += violations(of: element, against: items, at: "\(path)[\(index)]") }
        }
        return found
    }

    /// The schema of `pattern`'s `method` answer with `status` and `mediaType`, nil when the
    /// document gives none.
    func responseSchema(_ method: String, _ pattern: String, status: Int, mediaType: String) -> JSONValue? {
        document["paths"]?[pattern]?[method.lowercased()]?["responses"]?[String(status)]?["content"]?[mediaType]?["schema"]
    }

    private func resolve(_ reference: String) -> JSONValue? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        return document["components"]?["schemas"]?[String(reference.dropFirst(prefix.count))]
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
             ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("integer", .double(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }
}
