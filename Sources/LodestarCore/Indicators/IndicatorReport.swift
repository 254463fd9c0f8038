public import Time

/// `GET /v1/reports/indicators` as a value: the window, the grouping, and one row per group
/// that has any figure, suppressed, ordered by group.
public struct IndicatorReport: Sendable, Hashable {
    public var from: Timestamp
    public var to: Timestamp
    /// The zone name periods are computed in.
    public var timeZone: String
    public var groupBy: [GroupDimension]
    public var policy: SuppressionPolicy
    public var rows: [Row]

    /// One group's row.
    public struct Row: Sendable, Hashable {
        /// One value per dimension of `groupBy`.
        public var group: GroupKey
        public var values: IndicatorValues

        public init(group: GroupKey, values: IndicatorValues) {
            self.group = group
            self.values = values
        }
    }

    /// The report from each group's raw figures: groups without any figure are left out,
    /// the rest suppressed under `policy` and ordered by group (`null` last in each
    /// dimension). A group given twice keeps its last figures.
    public init(from: Timestamp, to: Timestamp, timeZone: String, groupBy: [GroupDimension],
                policy: SuppressionPolicy, groups: [(group: GroupKey, figures: IndicatorFigures)]) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.groupBy = groupBy
        self.policy = policy
        var figuresByGroup: [GroupKey: IndicatorFigures] = [:]
        for (group, figures) in groups { figuresByGroup[group] = figures }
        rows = figuresByGroup
            .filter { !$0.value.isEmpty }
            .sorted { $0.key < $1.key }
            .map { Row(group: $0.key, values: $0.value.values(under: policy)) }
    }
}
