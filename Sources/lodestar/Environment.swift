import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Reads `LODESTAR_*` settings from the process environment.
struct Environment {
    subscript(name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    func integer(_ name: String) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be an integer") }
        return value
    }

    func number(_ name: String) throws -> Double? {
        guard let text = self[name] else { return nil }
        guard let value = Double(text), value.isFinite else { throw ValidationError("\(name) must be a number") }
        return value
    }
}
