/// One report group's raw figures as the test counts them from the scenario, following SPEC
/// §7's table word for word (no production code is asked).
struct ExpectedCell {
    var offered = 0, answered = 0, abandoned = 0, answeredWithinTarget = 0
    var speedToAnswerSeconds: [Double] = []
    var contactToSceneMinutes: [Double] = []
    var dispatches = 0, onScene = 0, onSceneWithinTarget = 0, completed = 0, stabilized = 0, lawEnforcement = 0
    var responseMinutes: [Double] = []
    var followUps = 0, followUpsCompleted = 0, followUpsOnTime = 0
    var firstAttemptHours: [Double] = []

    /// A figure as a report should show it.
    enum Value: Equatable {
        case count(Int?)
        case rate(Double?)
        case statistic(mean: Double, p50: Double, p90: Double)
        case noStatistic
    }

    /// SPEC §7's indicators in the order of its table, each with its value and whether small-cell
    /// suppression (threshold 11, when `suppress`) made it null.
    func indicators(suppress: Bool) -> [(name: String, value: Value, suppressed: Bool)] {
        func small(_ count: Int) -> Bool { suppress && count >= 1 && count <= 10 }
        func count(_ name: String, _ value: Int) -> (String, Value, Bool) {
            small(value) ? (name, .count(nil), true) : (name, .count(value), false)
        }
        func rate(_ name: String, _ numerator: Int, _ denominator: Int) -> (String, Value, Bool) {
            if denominator == 0 { return (name, .rate(nil), false) }
            if small(numerator) || small(denominator) || small(denominator - numerator) { return (name, .rate(nil), true) }
            return (name, .rate(Double(numerator) / Double(denominator)), false)
        }
        func statistic(_ name: String, _ values: [Double]) -> (String, Value, Bool) {
            if values.isEmpty { return (name, .noStatistic, false) }
            if small(values.count) { return (name, .noStatistic, true) }
            let sorted = values.sorted()
            return (name, .statistic(mean: values.reduce(0, +) / Double(values.count),
                                     p50: Self.percentile(0.5, sorted), p90: Self.percentile(0.9, sorted)), false)
        }
        return [
            count("contacts_offered", offered),
            count("contacts_answered", answered),
            rate("answer_rate", answered, offered),
            rate("abandonment_rate", abandoned, offered),
            statistic("speed_to_answer_seconds", speedToAnswerSeconds),
            rate("answered_within_target_rate", answeredWithinTarget, answered),
            count("dispatches", dispatches),
            statistic("dispatch_response_minutes", responseMinutes),
            rate("dispatch_within_target_rate", onSceneWithinTarget, onScene),
            rate("community_stabilization_rate", stabilized, completed),
            rate("law_enforcement_involvement_rate", lawEnforcement, completed),
            statistic("contact_to_scene_minutes", contactToSceneMinutes),
            count("follow_ups_created", followUps),
            rate("follow_up_completion_rate", followUpsCompleted, followUps),
            rate("follow_up_on_time_rate", followUpsOnTime, followUps),
            statistic("follow_up_first_attempt_hours", firstAttemptHours),
        ].map { (name: $0.0, value: $0.1, suppressed: $0.2) }
    }

    /// Linear interpolation between the closest ranks, as PostgreSQL's `percentile_cont`.
    static func percentile(_ fraction: Double, _ sorted: [Double]) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
