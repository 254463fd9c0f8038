/// Writes TZif bytes (RFC 8536) for tests: a version-1 file, or a version 2+ file with a
/// minimal version-1 block (as zic's "slim" output has) before the 64-bit data and a footer.
struct TZifBuilder {
    var version: UInt8 = UInt8(ascii: "2")
    var transitions: [Int64] = []
    var typeIndices: [UInt8] = []
    /// (UTC offset, daylight-saving flag)
    var types: [(Int32, UInt8)] = [(0, 0)]
    var footer = ""
    var leapCount = 0

    var bytes: [UInt8] {
        let full = header(version: version, leaps: leapCount, times: transitions.count, types: types.count)
        if version == 0 { return full + block(timeSize: 4) }
        return header(version: version, leaps: 0, times: 0, types: 1) + [0, 0, 0, 0, 0, 0, 0]
            + full + block(timeSize: 8)
            + Array("\n\(footer)\n".utf8)
    }

    private func header(version: UInt8, leaps: Int, times: Int, types: Int) -> [UInt8] {
        Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
            + [0, 0, UInt32(leaps), UInt32(times), UInt32(types), 1].flatMap(Self.bigEndian)
    }

    private func block(timeSize: Int) -> [UInt8] {
        var out: [UInt8] = []
        for time in transitions {
            let raw = UInt64(bitPattern: time)
            for shift in stride(from: 8 * (timeSize - 1), through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: raw >> UInt64(shift))) }
        }
        out += typeIndices
        for (offset, isDST) in types { out += Self.bigEndian(UInt32(bitPattern: offset)) + [isDST, 0] }
        out.append(0)
        out += [UInt8](repeating: 0, count: leapCount * (timeSize + 4))
        return out
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
