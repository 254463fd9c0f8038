/// The 44-byte header before each data block of a TZif file (RFC 8536 §3.1).
struct TZifHeader {
    /// 1 for the version-0 byte, else 2, 3 or 4.
    var version: Int
    var isUTCCount: Int
    var isStandardCount: Int
    var leapCount: Int
    var transitionCount: Int
    var typeCount: Int
    var characterCount: Int

    init(reading reader: inout TZifReader) throws(TZifError) {
        guard try reader.take(4).elementsEqual("TZif".utf8) else { throw .notTZif }
        switch try reader.byte() {
        case 0: version = 1
        case UInt8(ascii: "2"): version = 2
        case UInt8(ascii: "3"): version = 3
        // Version 4 (RFC 9636) changes only how leap seconds are recorded, which are refused.
        case UInt8(ascii: "4"): version = 4
        default: throw .unsupportedVersion
        }
        _ = try reader.take(15)
        isUTCCount = try reader.count()
        isStandardCount = try reader.count()
        leapCount = try reader.count()
        transitionCount = try reader.count()
        typeCount = try reader.count()
        characterCount = try reader.count()
    }

    /// The length of the data block that follows, with transition times of `timeSize` bytes.
    func dataBlockSize(timeSize: Int) -> Int {
        transitionCount * (timeSize + 1) + typeCount * 6 + characterCount
            + leapCount * (timeSize + 4) + isStandardCount + isUTCCount
    }
}
