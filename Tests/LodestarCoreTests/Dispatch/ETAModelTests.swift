import LodestarCore
import Testing

/// Great-circle distances and the ETA estimate, against figures worked by hand.
@Suite struct ETAModelTests {
    @Test func aTenthOfADegreeOfLatitudeIsItsArcOnTheMeanEarth() {
        // 6371.0088 km × 0.1° × π/180.
        let distance = GeoPoint(lat: 45, lon: -93).distanceKm(to: GeoPoint(lat: 45.1, lon: -93))
        #expect(abs(distance - 11.119508023353449) < 1e-9)
        #expect(GeoPoint(lat: 45, lon: -93).distanceKm(to: GeoPoint(lat: 45, lon: -93)) == 0)
    }

    @Test func longitudeShrinksWithLatitude() {
        let distance = GeoPoint(lat: 45, lon: -93).distanceKm(to: GeoPoint(lat: 45, lon: -93.2))
        #expect(abs(distance - 15.725355061692186) < 1e-9)
    }

    @Test func theEstimateIsDistanceTimesRoadFactorOverSpeedPlusMobilisation() {
        let model = ETAModel()
        #expect(model.minutes(forDistanceKm: 0) == 5)
        #expect(abs(model.minutes(forDistanceKm: 60) - (60 * 1.3 + 5)) < 1e-9)
        let custom = ETAModel(roadFactor: 1.5, speedKmh: 40, mobilisationMinutes: 7)
        #expect(abs(custom.minutes(from: GeoPoint(lat: 45, lon: -93), to: GeoPoint(lat: 45.1, lon: -93)) - 32.01889305254526) < 1e-9)
    }

    @Test func reachIsTheInverseOfTheEstimate() {
        let model = ETAModel(roadFactor: 1.5, speedKmh: 40, mobilisationMinutes: 7)
        #expect(abs(model.minutes(forDistanceKm: model.reachKm(withinMinutes: 52)) - 52) < 1e-9)
        #expect(model.reachKm(withinMinutes: 6) < 0)
    }

    @Test func theUnitChordGrowsWithDistance() {
        let chords = [0.0, 1, 10, 100, 5000, 20_000].map(GeoPoint.unitChord(forDistanceKm:))
        #expect(chords == chords.sorted() && Set(chords).count == chords.count)
        #expect(chords[0] == 0)
        #expect(GeoPoint.unitChord(forDistanceKm: -1) < 0)
        // A quarter of the earth's circumference is the chord of a right angle.
        #expect(abs(GeoPoint.unitChord(forDistanceKm: GeoPoint.earthRadiusKm * Double.pi / 2) - 2.0.squareRoot()) < 1e-12)
    }
}
