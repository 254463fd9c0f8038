/// Follow-up ids: random (version 4) UUIDs made by the writer, so the id is known before the
/// insert and a creation can travel in a pipelined batch with whatever refers to it (a routing
/// decision names it) without waiting for the database to hand one back.
public enum FollowUpID {
    /// A new random UUID in canonical lowercase form. The system generator reads the kernel's
    /// getrandom on Linux.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = ""
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text += "-" }
            text.unicodeScalars.append(digits[Int(byte >> 4)])
            text.unicodeScalars.append(digits[Int(byte & 0xF)])
        }
        return text
    }

    /// Whether `text` is a UUID in the 8-4-4-4-12 hexadecimal form (either case): anything else
    /// names no follow-up and never reaches the database.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
                guard isHex else { return false }
            }
        }
        return true
    }
}
