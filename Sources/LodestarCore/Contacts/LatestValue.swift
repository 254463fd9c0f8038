import Time

/// A value held together with the position of the event that stated it; offering a value
/// replaces it only when it comes from a later event.
///
/// Because "later" is decided by `EventOrder` and not by when `offer` is called, any sequence
/// of offers ends in the same value: the register is what makes contact state independent
/// of the order in which events arrive.
struct LatestValue<Value: Sendable & Hashable>: Sendable, Hashable {
    private(set) var value: Value?
    private(set) var order: EventOrder?

    mutating func offer(_ newValue: Value?, at newOrder: EventOrder) {
        guard let newValue else { return }
        if let order, newOrder <= order { return }
        value = newValue
        order = newOrder
    }

    /// When the winning event occurred.
    var occurredAt: Timestamp? { order?.occurredAt }
}

extension Optional where Wrapped == Timestamp {
    /// Keeps the earlier of the held and the offered instant.
    mutating func keepEarliest(_ candidate: Timestamp) {
        if let current = self, current <= candidate { return }
        self = candidate
    }
}
