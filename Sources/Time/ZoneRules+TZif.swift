extension ZoneRules {
    /// The rules in a TZif file (RFC 8536, versions 1 to 4), named `name`.
    ///
    /// Uses the 64-bit data of version 2 and later (the 32-bit block of version 1 otherwise)
    /// and the footer's TZ string for instants after the last transition. Validates every
    /// count, index, order and offset; refuses files that count leap seconds.
    public init(name: String, tzif bytes: [UInt8]) throws(TZifError) {
        var reader = TZifReader(bytes: bytes)
        var header = try TZifHeader(reading: &reader)
        var timeSize = 4
        if header.version >= 2 {
            _ = try reader.take(header.dataBlockSize(timeSize: 4))
            header = try TZifHeader(reading: &reader)
            timeSize = 8
        }
        let block = try TZifDataBlock(reading: &reader, header: header, timeSize: timeSize)
        var footer: PosixTZRule?
        if header.version >= 2 {
            footer = try Self.footer(reading: &reader)
        }
        guard reader.atEnd else { throw .malformed("bytes after the data") }
        self.init(
            name: name, transitions: block.transitions, offsets: block.transitionOffsets,
            initialOffset: block.typeOffsets[0], footer: footer)
    }

    /// `\n`, a TZ string (empty when the rules after the last transition are unspecified), `\n`.
    private static func footer(reading reader: inout TZifReader) throws(TZifError) -> PosixTZRule? {
        guard try reader.byte() == UInt8(ascii: "\n") else { throw .invalidFooter }
        let rest = reader.bytes[reader.index...]
        guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else { throw .truncated }
        let text = try reader.take(newline - reader.index)
        _ = try reader.take(1)
        if text.isEmpty { return nil }
        guard let rule = PosixTZRule(text) else { throw .invalidFooter }
        return rule
    }
}
