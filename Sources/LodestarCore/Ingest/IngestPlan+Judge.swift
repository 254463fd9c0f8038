import JSON

extension IngestPlan {
    /// Judges every post against what is stored and folds the accepted events into their
    /// contacts' states. Posts in `rejected` are refused as given and leave no trace, as if
    /// they had not been posted: a step that refuses a post re-runs the judgement this way, so
    /// that a later post is never called a duplicate of an event that will not be stored.
    public func outcome(stored: IngestStoredFacts, maxEventsPerContact: Int,
                        rejected: [Int: IngestRejection] = [:]) -> IngestOutcome {
        var judge = PostJudge(stored: stored, maxEventsPerContact: maxEventsPerContact)
        var ordinal = 0
        var verdicts: [PostVerdict] = []
        verdicts.reserveCapacity(posts.count)
        for (postIndex, events) in posts.enumerated() {
            if let reason = rejected[postIndex] {
                verdicts.append(.rejected(reason))
            } else {
                verdicts.append(judge.judge(post: postIndex, events, firstOrdinal: ordinal))
            }
            ordinal += events.count
        }
        return IngestOutcome(verdicts: verdicts, accepted: judge.accepted, states: judge.changedStates)
    }
}

/// Walks the posts in order, keeping what earlier accepted posts added.
struct PostJudge {
    let stored: IngestStoredFacts
    let maxEventsPerContact: Int
    /// Events accepted by earlier posts of this transaction, by key.
    private var acceptedKeys: [EventKey: ContactEvent] = [:]
    private var states: [String: ContactState]
    private(set) var accepted: [AcceptedEvent] = []
    private var changed = Set<String>()

    init(stored: IngestStoredFacts, maxEventsPerContact: Int) {
        self.stored = stored
        self.maxEventsPerContact = maxEventsPerContact
        self.states = stored.states
    }

    var changedStates: [String: ContactState] {
        states.filter { changed.contains($0.key) }
    }

    mutating func judge(post: Int, _ events: [ContactEvent], firstOrdinal: Int) -> PostVerdict {
        var results: [IngestResult] = []
        results.reserveCapacity(events.count)
        var conflicts: [EventConflict] = []
        var newInPost: [EventKey: ContactEvent] = [:]
        var newEvents: [(index: Int, event: ContactEvent)] = []
        for (index, event) in events.enumerated() {
            let differences: [EventField]
            if let head = stored.events[event.key] {
                differences = Self.differences(head, event) + (stored.dataDiffers.contains(firstOrdinal + index) ? [.data] : [])
            } else if let earlier = acceptedKeys[event.key] ?? newInPost[event.key] {
                differences = Self.differences(earlier, event)
            } else {
                newInPost[event.key] = event
                newEvents.append((index, event))
                results.append(IngestResult(event: event, status: .accepted))
                continue
            }
            if differences.isEmpty {
                results.append(IngestResult(event: event, status: .duplicate))
            } else {
                conflicts.append(EventConflict(eventIndex: index, fields: differences))
            }
        }
        guard conflicts.isEmpty else { return .rejected(.conflict(conflicts)) }
        if let over = firstEventOverLimit(newEvents) {
            return .rejected(.tooManyEvents(eventIndex: over, limit: maxEventsPerContact))
        }
        for (index, event) in newEvents {
            states[event.contactID, default: ContactState()].apply(event)
            changed.insert(event.contactID)
            acceptedKeys[event.key] = event
            accepted.append(AcceptedEvent(post: post, index: index, event: event))
        }
        return .accepted(results)
    }

    /// The index of the first new event that would take its contact beyond the limit.
    private func firstEventOverLimit(_ newEvents: [(index: Int, event: ContactEvent)]) -> Int? {
        var counts: [String: Int] = [:]
        for (index, event) in newEvents {
            let count = counts[event.contactID, default: states[event.contactID]?.eventCount ?? 0] + 1
            if count > maxEventsPerContact { return index }
            counts[event.contactID] = count
        }
        return nil
    }

    private static func differences(_ head: StoredEventHead, _ event: ContactEvent) -> [EventField] {
        var fields: [EventField] = []
        if head.contactID != event.contactID { fields.append(.contactID) }
        if head.type != event.type { fields.append(.type) }
        if head.occurredAt != event.occurredAt { fields.append(.occurredAt) }
        return fields
    }

    private static func differences(_ earlier: ContactEvent, _ event: ContactEvent) -> [EventField] {
        let head = StoredEventHead(contactID: earlier.contactID, type: earlier.type, occurredAt: earlier.occurredAt)
        return differences(head, event) + (earlier.postedData == event.postedData ? [] : [.data])
    }
}

extension ContactEvent {
    /// `data` as posted, with an absent or `null` member read as `{}` (as the store digests it).
    var postedData: JSONValue {
        switch raw.objectValue?["data"] {
        case nil, .null?: .object(JSONObject())
        case let data?: data
        }
    }
}
