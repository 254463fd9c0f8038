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
        return [channelValue.order, lineValue.order, regionValue.order, languageValue.order, callerValue.order,
                riskValue.order, flagsValue.order, consentValue.order].allSatisfy { stated in
            stated.map { $0 <= order } ?? true
        }
    }
}
