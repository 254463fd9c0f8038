extension ContactState {
    /// Whether this state already is, for every routing fact, the state as of the event at
    /// `order`: no event after it in `EventOrder` stated any of the facts a rule can read
    /// (channel, line, region, language, caller, risk level, flags, consent), and the contact
    /// was received at or before it.
    ///
    /// When it holds, the state of all known events decides an assessment exactly as the
    /// fold of the events up to it would; when it does not (a late assessment, or one posted
    /// before an earlier event of its contact), that fold must be made.
    public func routingFactsSettled(asOf order: EventOrder) -> Bool {
        if let receivedAt, receivedAt > order.occurredAt { return false }
        func upTo(_ stated: EventOrder?) -> Bool { stated.map { $0 <= order } ?? true }
        return upTo(channelValue.order) && upTo(lineValue.order) && upTo(regionValue.order) && upTo(languageValue.order)
            && upTo(callerValue.order) && upTo(riskValue.order) && upTo(flagsValue.order) && upTo(consentValue.order)
    }
}
