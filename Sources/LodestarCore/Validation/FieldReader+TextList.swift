public import JSON

extension FieldReader {
    /// An array member of text values (each non-empty, at most `maxLength` scalars, without
    /// control characters, as `text` requires of a member), a repeated value kept once in its
    /// first place: a repeat says nothing new, so it is not an error.
    public mutating func textList(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false,
                                  maxCount: Int = 100, maxLength: Int = maxTextLength) -> [String]? {
        guard let value = value(object, key, at: path, required: required) else { return nil }
        let listPath = path.member(key)
        guard case .array(let items) = value else {
            report(listPath, "must be an array of strings")
            return nil
        }
        guard items.count <= maxCount else {
            report(listPath, "must hold at most \(maxCount) values")
            return nil
        }
        let issuesBefore = issues.count
        var list: [String] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            guard let text = listText(item, maxLength: maxLength, at: listPath.element(index)) else { continue }
            if seen.insert(text).inserted { list.append(text) }
        }
        return issues.count == issuesBefore ? list : nil
    }

    private mutating func listText(_ item: JSONValue, maxLength: Int, at path: JSONPath) -> String? {
        guard case .string(let text) = item, !text.isEmpty else {
            report(path, "must be a non-empty string")
            return nil
        }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            guard !Identifier.isControl(scalar) else {
                report(path, "must not contain control characters")
                return nil
            }
        }
        guard count <= maxLength else {
            report(path, "must be at most \(maxLength) characters")
            return nil
        }
        return text
    }
}
