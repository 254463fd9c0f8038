/// The shape of an IANA time-zone name, checked before it becomes a path.
enum ZoneName {
    /// `Area/Location[/Sub]` components of letters, digits, `_`, `-` and `+`, e.g.
    /// `America/Argentina/Buenos_Aires` or `Etc/GMT+5`. No component is empty and no `.` is
    /// allowed, so a name can neither start at `/` nor climb out with `..`.
    static func isValid(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...128).contains(bytes.count) else { return false }
        var componentLength = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                guard componentLength > 0 else { return false }
                componentLength = 0
            } else {
                guard isAllowed(byte) else { return false }
                componentLength += 1
            }
        }
        return componentLength > 0
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            true
        default:
            false
        }
    }
}
