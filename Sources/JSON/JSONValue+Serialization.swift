extension JSONValue: CustomStringConvertible {
    /// The compact JSON text of this value.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }

    /// The compact JSON text of this value, as a `String`.
    public var description: String {
        String(decoding: serialized(), as: UTF8.self)
    }
}
