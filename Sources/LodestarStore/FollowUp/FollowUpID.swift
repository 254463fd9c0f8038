import Loop

/// Follow-up ids: time-ordered (version 7) UUIDs made by the writer, so the id is known before
/// the insert and a creation can travel in a pipelined batch with whatever refers to it (a
/// routing decision names it) without waiting for the database to hand one back.
///
/// Time-ordered rather than random (version 4): each new id sorts after the ones made before
/// it, so the primary key's index grows at its right edge instead of at a random leaf. A random
/// key touched a different index page with nearly every insert, and the first touch of a page
/// after a checkpoint logs the whole page: 2 to 5 kB of WAL per follow-up under the routing
/// benchmark, which every ingest transaction that created one had to flush.
public enum FollowUpID {
    /// A new UUID in canonical lowercase form: the wall clock's milliseconds since the epoch
    /// (48 bits), the version (7), the variant, and 74 random bits from the system generator
    /// (the kernel's getrandom on Linux), which keep ids made in the same millisecond, by any
    /// process, apart.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(WallClock.microsecondsSinceEpoch / 1000) & 0xFFFF_FFFF_FFFF
        let high = milliseconds << 16 | 0x7000 | generator.next() & 0x0FFF
        let low = generator.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        // 32 hexadecimal digits, high bits first, with dashes before the 9th, 13th, 17th and 21st.
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var count = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                let word = nibble < 16 ? high : low
                let digit = UInt8(truncatingIfNeeded: word >> (60 - 4 * UInt64(nibble % 16)) & 0xF)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                count += 1
            }
            return count
        }
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
