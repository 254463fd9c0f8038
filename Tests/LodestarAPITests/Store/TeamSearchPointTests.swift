import LodestarCore
@testable import LodestarStore
import Loop
import Testing

/// A search passes its place as a point on the unit sphere made in Swift; it must be the very
/// point `lodestar_sphere_point` makes, or the nearest teams could differ at the margin.
@Suite struct TeamSearchPointTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func theSwiftPointIsTheDatabasesPointBitForBit() async throws {
        let (database, test) = try await EventStoreTests.database()
        defer { database.close() }
        var generator = SystemRandomNumberGenerator()
        var places = [GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 90, lon: 180), GeoPoint(lat: -90, lon: -180), GeoPoint(lat: 41.878113, lon: -87.629799),
                      GeoPoint(lat: 42.1, lon: -88.9), GeoPoint(lat: -33.8688, lon: 151.2093), GeoPoint(lat: 1e-9, lon: -1e-9)]
        for _ in 0..<300 {
            places.append(GeoPoint(lat: Double.random(in: -90...90, using: &generator), lon: Double.random(in: -180...180, using: &generator)))
        }
        let rows = places.map { "('\(TeamSearchSQL.point($0))'::cube, \($0.lat.description)::float8, \($0.lon.description)::float8)" }
        let differing = try test.sql("""
            SELECT count(*) FROM (VALUES \(rows.joined(separator: ", "))) AS p(point, lat, lon)
            WHERE cube_ll_coord(point, 1) <> cube_ll_coord(lodestar_sphere_point(lat, lon), 1)
               OR cube_ll_coord(point, 2) <> cube_ll_coord(lodestar_sphere_point(lat, lon), 2)
               OR cube_ll_coord(point, 3) <> cube_ll_coord(lodestar_sphere_point(lat, lon), 3)
            """)
        #expect(differing == "0")
    }
}
