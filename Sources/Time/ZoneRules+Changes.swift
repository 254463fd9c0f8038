/// A change of UTC offset: from `at` (UTC seconds since the epoch) on, `offset` is in force.
struct OffsetChange: Sendable, Hashable {
    var at: Int64
    var offset: Int
}

extension ZoneRules {
    /// The changes of offset in `(after, through]`, in time order, from the transitions and
    /// then from the footer rule.
    func offsetChanges(after start: Int64, through end: Int64) -> [OffsetChange] {
        var changes: [OffsetChange] = []
        var index = lastTransitionIndex(atOrBefore: start).map { $0 + 1 } ?? 0
        while index < transitions.count, transitions[index] <= end {
            changes.append(OffsetChange(at: transitions[index], offset: offsets[index]))
            index += 1
        }
        if let footer {
            let footerStart = max(start, transitions.last ?? .min)
            if footerStart < end { changes += footer.changes(after: footerStart, through: end) }
        }
        return changes
    }
}
