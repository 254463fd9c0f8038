public import Time

/// When a new follow-up falls due: at an instant, or a duration after its creation (SPEC §6:
/// `due_at` or `within`; a routing decision's `follow_up`).
public enum FollowUpDue: Sendable, Hashable {
    case at(Timestamp)
    case within(ISODuration)
}

/// Why a follow-up cannot be made as asked.
public enum FollowUpScheduleError: Error, Sendable, Equatable {
    /// It would fall due after 9999-12-31, beyond what RFC 3339 (and the API) can write.
    case dueTooLate
}

extension FollowUp {
    /// The last instant a follow-up may fall due: 9999-12-31T23:59:59.999999Z.
    public static let latestDue = Timestamp(microseconds: 253_402_300_800 * 1_000_000 - 1)

    /// A new open follow-up with no attempts, created at `createdAt` and due as `due` says: an
    /// instant may lie before the creation (entered when already due, overdue at once). `id` is
    /// chosen by the caller (the store makes a random UUID) so a writer knows it before the
    /// insert.
    public static func opened(id: String, contactID: String, createdAt: Timestamp,
                              due: FollowUpDue) throws(FollowUpScheduleError) -> FollowUp {
        let dueAt: Timestamp
        switch due {
        case .at(let instant):
            dueAt = instant
        case .within(let duration):
            // Compared in seconds first: a duration of many millennia would overflow the
            // microseconds of the sum.
            guard createdAt <= latestDue, duration.seconds <= (latestDue.microseconds - createdAt.microseconds) / 1_000_000
            else { throw .dueTooLate }
            dueAt = createdAt + duration
        }
        guard dueAt <= latestDue else { throw .dueTooLate }
        return FollowUp(id: id, contactID: contactID, createdAt: createdAt, dueAt: dueAt)
    }
}
