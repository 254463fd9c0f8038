extension RoutingFacts {
    /// The facts with the `region_type` routing would give them when they state none: the type
    /// `profile` describes for their region (urban for a region never described, or for none,
    /// SPEC §4). A stated `region_type` is kept.
    public func derivingRegionType(from profile: RegionProfile) -> RoutingFacts {
        guard regionType == nil else { return self }
        var facts = self
        facts.regionType = profile.type
        return facts
    }
}
