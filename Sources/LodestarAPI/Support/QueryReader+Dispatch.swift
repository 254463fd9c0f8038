import LodestarCore

extension QueryReader {
    /// One of a vocabulary's values.
    mutating func choice<V: Vocabulary>(_ name: String, as type: V.Type = V.self) -> V? {
        guard let text = string(name) else { return nil }
        guard let value = V(rawValue: text) else {
            fail(name, "must be one of: \(V.choicesText)")
            return nil
        }
        return value
    }

    /// A place written `lat,lon` in decimal degrees (`near=41.88,-87.63`).
    mutating func place(_ name: String) -> GeoPoint? {
        guard let text = string(name) else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let lat = Self.decimal(parts[0]), let lon = Self.decimal(parts[1]),
              (-90...90).contains(lat), (-180...180).contains(lon)
        else {
            fail(name, "must be lat,lon in decimal degrees, e.g. 41.88,-87.63 (lat -90 to 90, lon -180 to 180)")
            return nil
        }
        return GeoPoint(lat: lat, lon: lon)
    }

    /// A comma-separated list of identifiers (`capability=youth,spanish`), each kept once.
    mutating func identifierList(_ name: String) -> [String]? {
        guard let text = string(name) else { return nil }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard items.allSatisfy(Identifier.isValid) else {
            fail(name, "must be a comma-separated list of non-empty names")
            return nil
        }
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// A plain decimal number (digits, one point, a leading sign): never `nan`, `inf` or hex.
    private static func decimal(_ text: Substring) -> Double? {
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : text[...]
        guard !body.isEmpty, body.utf8.count <= 32, body.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 }),
              body.utf8.count(where: { $0 == 46 }) <= 1, body.utf8.contains(where: { (48...57).contains($0) })
        else { return nil }
        return Double(text)
    }
}
