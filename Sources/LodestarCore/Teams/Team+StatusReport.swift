public import Time

/// Why a team's report was refused; the team is left as it was.
public enum TeamReportRejected: Error, Sendable, Hashable {
    /// The team holds an open dispatch: only completing or cancelling it frees the team, so a
    /// busy team may report where it is but not another status (409).
    case busy
    /// The report is older than the last one of its kind (the status change or the location
    /// already recorded), so it would rewrite history (422 on `at`).
    case earlierThanLastReport(Timestamp)
}

extension Team {
    /// Applies a team's own report. A status equal to the current one changes nothing but the
    /// location; a new status starts at the report's time (and, for `available`, so does the
    /// wait that ranks teams when a place is unknown). A report without a time is timed now,
    /// but never before the last report of a kind it carries: its device asked for "now". Returns
    /// the time the report took effect, from which a team available afterwards is offered the
    /// queue.
    @discardableResult
    public mutating func apply(_ report: TeamStatusReport) throws(TeamReportRejected) -> Timestamp {
        let newStatus = report.status.map { $0.status }.flatMap { $0 == status ? nil : $0 }
        if newStatus != nil, status == .busy { throw .busy }
        // What the report follows: the last status change when it changes the status, the last
        // location when it gives one.
        let previous = [newStatus != nil ? statusAt : nil, report.location != nil ? locationAt : nil].compactMap { $0 }.max()
        let at = report.at.resolved(after: previous)
        if let previous, at < previous { throw .earlierThanLastReport(previous) }
        if let newStatus { change(to: newStatus, at: at) }
        if let location = report.location {
            self.location = location
            locationAt = at
        }
        return at
    }

    /// Sets the status from `at`; only dispatches call this with `busy`.
    public mutating func change(to newStatus: TeamStatus, at: Timestamp) {
        status = newStatus
        statusAt = at
        availableSince = newStatus == .available ? at : nil
    }
}
