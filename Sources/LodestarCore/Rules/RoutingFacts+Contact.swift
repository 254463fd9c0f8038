public import Time

extension RoutingFacts {
    /// The facts of a contact as routed at an assessment (SPEC §5).
    ///
    /// `contact` is the state the decision is made on (as of the assessment), `assessedAt` the
    /// assessment's `occurred_at`; `hour_of_day` and `day_of_week` are read at that instant in
    /// `zone`. The caller passes the type and zone of the contact's region, or `.urban` and
    /// `.utc` for a region never described (or no region), as SPEC §4 has it.
    public init(contact: ContactState, contactID: String, assessedAt: Timestamp,
                regionType: RegionType = .urban, zone: ZoneRules = .utc) {
        let local = zone.localDateTime(at: assessedAt)
        self.init(contactID: contactID, channel: contact.channel, line: contact.line, region: contact.region,
                  regionType: regionType, language: contact.language, age: contact.caller?.age,
                  riskLevel: contact.riskLevel, flags: contact.flags, consentFollowUp: contact.consentFollowUp,
                  hourOfDay: local.hour, dayOfWeek: local.isoWeekday)
    }
}
