/// How a service area is settled, which sets its default response target (SPEC §4).
public enum RegionType: String, Vocabulary {
    case urban, rural, frontier

    /// Minutes from request to a team on scene that count as on time when the region names no
    /// target of its own: 60 for urban areas, 120 otherwise.
    public var defaultResponseTargetMinutes: Int {
        self == .urban ? 60 : 120
    }
}
