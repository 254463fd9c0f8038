/// How long a team is estimated to take to reach a place (SPEC §4): great-circle distance ×
/// road factor ÷ speed, plus the minutes a team needs to set off. All three are settings
/// (`LODESTAR_ETA_ROAD_FACTOR`, `LODESTAR_ETA_SPEED_KMH`, `LODESTAR_ETA_MOBILISATION_MINUTES`).
public struct ETAModel: Sendable, Hashable {
    /// Road distance per kilometre of great circle (roads are not straight).
    public var roadFactor: Double
    /// Average driving speed, km/h.
    public var speedKmh: Double
    /// Minutes from being told to driving.
    public var mobilisationMinutes: Double

    public init(roadFactor: Double = 1.3, speedKmh: Double = 60, mobilisationMinutes: Double = 5) {
        precondition(roadFactor > 0 && speedKmh > 0 && mobilisationMinutes >= 0, "ETA settings must be positive")
        self.roadFactor = roadFactor
        self.speedKmh = speedKmh
        self.mobilisationMinutes = mobilisationMinutes
    }

    /// Minutes to cover `distanceKm` of great circle.
    public func minutes(forDistanceKm distanceKm: Double) -> Double {
        distanceKm * roadFactor / speedKmh * 60 + mobilisationMinutes
    }

    /// Minutes from `origin` to `destination`.
    public func minutes(from origin: GeoPoint, to destination: GeoPoint) -> Double {
        minutes(forDistanceKm: origin.distanceKm(to: destination))
    }

    /// The farthest great-circle distance reachable within `minutes`; negative when even a team
    /// on the spot needs longer (its mobilisation alone).
    public func reachKm(withinMinutes minutes: Double) -> Double {
        (minutes - mobilisationMinutes) / 60 * speedKmh / roadFactor
    }
}
