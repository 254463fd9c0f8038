extension ContactState {
    /// Folds one event into the state. Any order of `apply` calls over the same events gives
    /// the same state (see the type's documentation).
    public mutating func apply(_ event: ContactEvent) {
        let order = event.order
        eventCount += 1
        switch event.data {
        case .received(let received):
            receivedAt.keepEarliest(event.occurredAt)
            channelValue.offer(received.channel, at: order)
            lineValue.offer(received.line, at: order)
            regionValue.offer(received.region, at: order)
            languageValue.offer(received.language, at: order)
            callerValue.offer(received.caller, at: order)
            locationValue.offer(received.location, at: order)
        case .answered:
            answeredAt.keepEarliest(event.occurredAt)
        case .abandoned:
            abandonedAt.keepEarliest(event.occurredAt)
        case .transferred(let destination):
            transferValue.offer(destination, at: order)
        case .assessed(let assessment):
            riskValue.offer(assessment.riskLevel, at: order)
            flagsValue.offer(assessment.flags ?? [], at: order)
            consentValue.offer(assessment.consentFollowUp ?? true, at: order)
            regionValue.offer(assessment.region, at: order)
            locationValue.offer(assessment.location, at: order)
        case .closed(let disposition):
            dispositionValue.offer(disposition, at: order)
        }
    }
}
