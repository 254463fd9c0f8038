extension FramingFields {
    /// A `Host` field value as RFC 9110 §7.2 and RFC 3986 §3.2.2 spell it: `uri-host [":" port]`,
    /// the host an IP literal in brackets or a reg-name (letters, digits, `-._~`, sub-delims and
    /// percent-escapes; an IPv4 address is one), the port digits. Empty is valid (a target with
    /// no authority). RFC 9112 §3.2: any other value is answered 400.
    static func isValidHost(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if value.first == UInt8(ascii: "[") {
            guard let close = value.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            guard value[1..<close].allSatisfy({ ASCII.isUnreservedOrSubDelim($0) || $0 == ASCII.colon }) else { return false }
            index = close + 1
        } else {
            while index < value.count, value[index] != ASCII.colon {
                if ASCII.isPercentEscape(value, at: index) {
                    index += 3
                } else if ASCII.isUnreservedOrSubDelim(value[index]) {
                    index += 1
                } else {
                    return false
                }
            }
        }
        guard index < value.count else { return true }
        guard value[index] == ASCII.colon else { return false }
        return value[(index + 1)...].allSatisfy { ASCII.digitValue($0) != nil }
    }
}
