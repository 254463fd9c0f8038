/// The rule for identifiers (SPEC §3: `event_id`, `contact_id`, `source`, and token names,
/// which are sources): 1–200 characters, none a control character.
public enum Identifier {
    /// The longest identifier, in Unicode scalars.
    public static let maxLength = 200

    /// Whether `text` is an identifier.
    public static func isValid(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maxLength || isControl(scalar) { return false }
        }
        return count > 0
    }

    /// C0 and C1 control characters, DEL included: never part of an identifier or a text field.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
