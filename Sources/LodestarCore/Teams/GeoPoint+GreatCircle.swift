#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GeoPoint {
    /// The mean radius of the earth (IUGG), in kilometres.
    public static let earthRadiusKm = 6371.0088

    /// The great-circle distance to `other` in kilometres, by the haversine formula (well
    /// conditioned for the short distances a mobile team drives).
    public func distanceKm(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.lat - lat) * radians
        let dLon = (other.lon - lon) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat * radians) * cos(other.lat * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// The straight-line distance through a unit sphere between two points `km` apart along
    /// its surface (scaled to the earth's radius). It grows with the great-circle distance, so
    /// the database ranks and bounds teams by it over an index of points on the unit sphere
    /// (`lodestar_sphere_point`); -1 for a negative distance, which no pair of points is within.
    public static func unitChord(forDistanceKm km: Double) -> Double {
        guard km >= 0 else { return -1 }
        return 2 * sin(min(km / earthRadiusKm, Double.pi) / 2)
    }
}

extension GeoPoint {
    /// The point on the unit sphere at this latitude and longitude, by the formula of
    /// `lodestar_sphere_point` (sql/005_dispatch.sql) with the same constants, so the same bits:
    /// a search passes it to the database ready made, which spares the planner inlining the
    /// function at every search.
    public var unitSphere: (x: Double, y: Double, z: Double) {
        let radians = Double.pi / 180
        let lat = self.lat * radians, lon = self.lon * radians
        return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }
}
