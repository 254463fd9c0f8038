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
    /// location; a new status starts at `at` (and, for `available`, so does the wait that ranks
    /// teams when a place is unknown). Returns whether the team is available afterwards, when
    /// the queue should be offered to it.
    @discardableResult
    public mutating func apply(_ report: TeamStatusReport) throws(TeamReportRejected) -> Bool {
        let newStatus = report.status.map { $0.status }.flatMap { $0 == status ? nil : $0 }
        if newStatus != nil {
            guard status != .busy else { throw .busy }
            if let statusAt, report.at < statusAt { throw .earlierThanLastReport(statusAt) }
        }
        if report.location != nil, let locationAt, report.at < locationAt { throw .earlierThanLastReport(locationAt) }
        if let newStatus { change(to: newStatus, at: report.at) }
        if let location = report.location {
            self.location = location
            locationAt = report.at
        }
        return status == .available
    }

    /// Sets the status from `at`; only dispatches call this with `busy`.
    public mutating func change(to newStatus: TeamStatus, at: Timestamp) {
        status = newStatus
        statusAt = at
        availableSince = newStatus == .available ? at : nil
    }
}
