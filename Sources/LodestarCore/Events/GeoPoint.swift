/// A WGS 84 position in decimal degrees.
public struct GeoPoint: Sendable, Hashable {
    /// -90...90
    public var lat: Double
    /// -180...180
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}
