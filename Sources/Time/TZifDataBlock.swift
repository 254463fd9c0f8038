/// The part of a TZif data block the rules need: transition times and the UTC offsets of the
/// local time types (RFC 8536 §3.2).
struct TZifDataBlock {
    /// UTC seconds since the epoch, strictly ascending.
    var transitions: [Int64] = []
    /// The offset in force from each transition on.
    var transitionOffsets: [Int] = []
    /// The offset of each local time type; type 0 holds before the first transition.
    var typeOffsets: [Int] = []

    init(reading reader: inout TZifReader, header: TZifHeader, timeSize: Int) throws(TZifError) {
        guard header.leapCount == 0 else { throw .leapSeconds }
        guard header.typeCount > 0, header.characterCount > 0 else { throw .malformed("no local time types") }
        guard header.isStandardCount == 0 || header.isStandardCount == header.typeCount,
              header.isUTCCount == 0 || header.isUTCCount == header.typeCount
        else { throw .malformed("indicator counts differ from the type count") }

        transitions.reserveCapacity(header.transitionCount)
        for _ in 0..<header.transitionCount {
            let time = try reader.signed(size: timeSize)
            guard transitions.last.map({ $0 < time }) ?? true else { throw .malformed("transitions out of order") }
            transitions.append(time)
        }
        let typeIndices = try reader.take(header.transitionCount)
        for _ in 0..<header.typeCount {
            let offset = try reader.signed(size: 4)
            // RFC 8536 asks for -89999...93599 (within ±26 hours), which local-day arithmetic relies on.
            guard (-89_999...93_599).contains(offset) else { throw .malformed("UTC offset out of range") }
            guard try reader.byte() <= 1 else { throw .malformed("daylight-saving flag not 0 or 1") }
            guard Int(try reader.byte()) < header.characterCount else { throw .malformed("abbreviation index out of range") }
            typeOffsets.append(Int(offset))
        }
        transitionOffsets.reserveCapacity(header.transitionCount)
        for index in typeIndices {
            guard Int(index) < header.typeCount else { throw .malformed("type index out of range") }
            transitionOffsets.append(typeOffsets[Int(index)])
        }
        // Abbreviations and the standard/UT indicators matter only to POSIX TZ emulation.
        _ = try reader.take(header.characterCount + header.isStandardCount + header.isUTCCount)
    }
}
