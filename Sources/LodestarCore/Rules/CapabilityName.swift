/// The rule for capability names, the skills a dispatch `requires` and a team offers
/// (`clinician`, `peer`, `youth`, `spanish`, `medical`, ...).
///
/// The set is open, since each program names its own teams' skills, so only the spelling
/// is checked: a lowercase ASCII letter, then lowercase letters, digits, `_` or `-`, at most
/// 64 characters in all. A capability no team has yet is allowed; such a dispatch waits
/// queued until one does.
public enum CapabilityName {
    /// The longest capability name, in characters.
    public static let maxLength = 64

    /// Whether `text` is spelled as a capability name.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, (1...maxLength).contains(bytes.count), isLower(first) else { return false }
        return bytes.allSatisfy { byte in
            isLower(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    private static func isLower(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
