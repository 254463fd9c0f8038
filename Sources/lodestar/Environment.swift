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

    /// The setting as an integer of at least `minimum` (a size, a count or seconds: zero or a
    /// negative number would refuse every request or spin a timer), nil when unset.
    func integer(_ name: String, atLeast minimum: Int = 1) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be an integer") }
        guard value >= minimum else { throw ValidationError("\(name) must be at least \(minimum)") }
        return value
    }

    func number(_ name: String) throws -> Double? {
        guard let text = self[name] else { return nil }
        guard let value = Double(text), value.isFinite else { throw ValidationError("\(name) must be a number") }
        return value
    }
}
