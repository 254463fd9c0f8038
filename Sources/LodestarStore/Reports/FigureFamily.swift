import LodestarCore

/// The three kinds of record SPEC §7's figures are counted from, each in the window by the time
/// its definition names: contacts by `received`, dispatches by `requested`, follow-ups by
/// `created`. Every figure is grouped by its contact's attributes (alias `c`); `team` groups
/// dispatch figures only.
enum FigureFamily: CaseIterable {
    case contacts
    case dispatches
    case followUps

    /// The time that places a record in the window and in a period.
    var anchor: String {
        switch self {
        case .contacts: "c.received_at"
        case .dispatches: "d.requested_at"
        case .followUps: "f.created_at"
        }
    }

    /// The rows and joins: `withScene` adds each contact's first arrival on scene (contacts
    /// only, for `contact_to_scene_minutes`); `withContact` the contact of a dispatch or
    /// follow-up (a dispatch always needs it, for its region's target).
    ///
    /// The first arrivals are aggregated once from the on-scene dispatches (an index-only scan
    /// of `dispatches_on_scene`) and hash-joined: a probe per contact of a quarter costs more.
    /// A record's contact is one probe of the contacts' key (which holds the attributes), forced
    /// by the lateral `LIMIT 1`: a hash join would read every contact ever received to find a
    /// quarter's, and its cost would grow with the history where the probes' grows with the
    /// window. Left joins: a record whose contact has no row yet still counts, under `null`.
    func from(withScene: Bool, withContact: Bool) -> String {
        let contact = { (alias: String) in
            """
            LEFT JOIN LATERAL (SELECT \(Self.contactColumns) FROM contacts
                               WHERE contact_id = \(alias).contact_id LIMIT 1) c ON true
            """
        }
        switch self {
        case .contacts where withScene: return """
            contacts c
            LEFT JOIN (SELECT contact_id, min(on_scene_at) AS first_on_scene FROM dispatches
                       WHERE on_scene_at IS NOT NULL GROUP BY contact_id) s ON s.contact_id = c.contact_id
            """
        case .contacts: return "contacts c"
        case .dispatches: return "dispatches d\n" + contact("d") + "\nLEFT JOIN regions r ON r.code = c.region"
        case .followUps: return withContact ? "follow_ups f\n" + contact("f") : "follow_ups f"
        }
    }

    /// The contact attributes dimensions read (alias `c`), all held by the contacts' key.
    static let contactColumns = "region, channel, line, language, caller_age, caller_race_ethnicity, experiment_arm, ruleset_version"

    /// The family whose records an indicator is computed from.
    static func of(_ indicator: Indicator) -> FigureFamily {
        allCases.first { family in
            switch indicator.kind {
            case .count(let tally), .rate(_, let tally): family.tallies.contains { $0.0 == tally }
            case .statistic: family.statistics.contains { $0.0 == indicator }
            }
        }!
    }

    /// Each tally this family fills, as a `FILTER` condition (`true`: every row). `$target` is
    /// replaced by the answer target's parameter.
    var tallies: [(Tally, String)] {
        switch self {
        case .contacts: [
            (.contactsOffered, "true"),
            (.contactsAnswered, "c.answered_at IS NOT NULL"),
            (.contactsAbandoned, "c.abandoned_at IS NOT NULL AND c.answered_at IS NULL"),
            (.contactsAnsweredWithinTarget, "c.answered_at - c.received_at <= make_interval(secs => $target)"),
        ]
        case .dispatches: [
            (.dispatches, "true"),
            (.dispatchesOnScene, "d.on_scene_at IS NOT NULL"),
            // A region nobody described counts as urban: 60 minutes (SPEC §4).
            (.dispatchesOnSceneWithinTarget,
             "d.on_scene_at - d.requested_at <= make_interval(mins => coalesce(r.response_target_minutes, 60))"),
            (.dispatchesCompleted, "d.status = 'completed'"),
            (.dispatchesStabilizedInCommunity, "d.status = 'completed' AND d.outcome = 'stabilized_in_community'"),
            (.dispatchesLawEnforcementInvolved, "d.status = 'completed' AND d.law_enforcement_involved"),
        ]
        case .followUps: [
            (.followUpsCreated, "true"),
            (.followUpsCompleted, "f.status = 'completed'"),
            (.followUpsReachedOnTime, "f.status = 'completed' AND f.closed_at <= f.due_at"),
        ]
        }
    }

    /// Each statistic this family summarises, as the value in the indicator's unit (NULL where
    /// the record has none: aggregates skip it).
    var statistics: [(Indicator, String)] {
        switch self {
        case .contacts: [
            (.speedToAnswerSeconds, "extract(epoch FROM c.answered_at - c.received_at)::float8"),
            (.contactToSceneMinutes, "extract(epoch FROM s.first_on_scene - c.received_at)::float8 / 60"),
        ]
        case .dispatches: [
            (.dispatchResponseMinutes, "extract(epoch FROM d.on_scene_at - d.requested_at)::float8 / 60"),
        ]
        case .followUps: [
            (.followUpFirstAttemptHours, "extract(epoch FROM f.first_attempt_at - f.created_at)::float8 / 3600"),
        ]
        }
    }

    /// The value of `dimension` for one record, in SQL; `$tz` is replaced by the zone's parameter.
    func expression(_ dimension: GroupDimension) -> String {
        switch dimension {
        case .region: "c.region"
        case .channel: "c.channel"
        case .line: "c.line"
        case .language: "c.language"
        case .ageGroup: Self.ageGroupSQL
        case .raceEthnicity: "c.caller_race_ethnicity"
        case .team: self == .dispatches ? "d.team_id" : "NULL::text"
        case .experimentArm: "c.experiment_arm"
        case .rulesetVersion: "c.ruleset_version::bigint"
        // The period's first day as days since 1970-01-01 (ISO weeks start on Monday, as
        // PostgreSQL's `date_trunc('week')` does).
        case .day, .week, .month:
            "(date_trunc('\(dimension.rawValue)', \(anchor) AT TIME ZONE $tz)::date - DATE '1970-01-01')"
        }
    }

    /// `age_group` bucketed exactly as `AgeGroup(age:)` does.
    static let ageGroupSQL: String = {
        var cases = "CASE WHEN c.caller_age IS NULL THEN '\(AgeGroup.unknown.rawValue)'"
        for group in AgeGroup.allCases {
            guard let ages = group.ages else { continue }
            let upper = ages.upperBound == Int.max ? "" : " AND c.caller_age <= \(ages.upperBound)"
            let lower = ages.lowerBound == Int.min ? "true" : "c.caller_age >= \(ages.lowerBound)"
            cases += " WHEN \(lower)\(upper) THEN '\(group.rawValue)'"
        }
        return cases + " END"
    }()
}
