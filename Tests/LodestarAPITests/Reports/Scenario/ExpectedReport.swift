import Foundation

/// The rows a report over the scenario should have, worked out by the test: each record in the
/// window by the time its definition names, grouped by its contact's attributes (`team` by the
/// dispatch's), periods as calendar days, ISO weeks and months in `tz` (from Foundation's
/// calendar, not Lodestar's).
struct ExpectedReport {
    var groupBy: [String]
    var timeZone: String
    var from: Int64
    var to: Int64

    /// Groups keyed by `key(_:)` of their values, in `groupBy` order (nil: a missing attribute).
    func cells(_ scenario: ReportScenario) -> [[String?]: ExpectedCell] {
        var cells: [[String?]: ExpectedCell] = [:]
        let inWindow = { (time: Int64) in time >= from && time < to }
        let firstOnScene = Dictionary(scenario.dispatches.compactMap { dispatch in dispatch.onSceneAt.map { (dispatch.contact, $0) } },
                                      uniquingKeysWith: min)
        for (index, contact) in scenario.contacts.enumerated() where inWindow(contact.receivedAt) {
            let key = group(contact, at: contact.receivedAt, team: nil)
            cells[key, default: ExpectedCell()].offered += 1
            if let answeredAt = contact.answeredAt {
                cells[key]!.answered += 1
                cells[key]!.speedToAnswerSeconds.append(Double(answeredAt - contact.receivedAt) / 1000)
                if answeredAt - contact.receivedAt <= ReportScenario.answerTargetSeconds * 1000 { cells[key]!.answeredWithinTarget += 1 }
            }
            if contact.abandoned { cells[key]!.abandoned += 1 }
            if let onScene = firstOnScene[index] { cells[key]!.contactToSceneMinutes.append(Double(onScene - contact.receivedAt) / 60_000) }
        }
        for dispatch in scenario.dispatches where inWindow(dispatch.requestedAt) {
            let contact = scenario.contacts[dispatch.contact]
            let key = group(contact, at: dispatch.requestedAt, team: dispatch.team)
            cells[key, default: ExpectedCell()].dispatches += 1
            if let onScene = dispatch.onSceneAt {
                cells[key]!.onScene += 1
                cells[key]!.responseMinutes.append(Double(onScene - dispatch.requestedAt) / 60_000)
                if onScene - dispatch.requestedAt <= Int64(ReportScenario.responseTarget(region: contact.region)) * ReportScenario.minute {
                    cells[key]!.onSceneWithinTarget += 1
                }
            }
            if dispatch.completed {
                cells[key]!.completed += 1
                if dispatch.outcome == "stabilized_in_community" { cells[key]!.stabilized += 1 }
                if dispatch.lawEnforcement == true { cells[key]!.lawEnforcement += 1 }
            }
        }
        for followUp in scenario.followUps where inWindow(followUp.createdAt) {
            let key = group(scenario.contacts[followUp.contact], at: followUp.createdAt, team: nil)
            cells[key, default: ExpectedCell()].followUps += 1
            if followUp.status == "completed" {
                cells[key]!.followUpsCompleted += 1
                if followUp.closedAt! <= followUp.dueAt { cells[key]!.followUpsOnTime += 1 }
            }
            if let first = followUp.attempts.first { cells[key]!.firstAttemptHours.append(Double(first.at - followUp.createdAt) / 3_600_000) }
        }
        return cells
    }

    private func group(_ contact: ReportScenario.Contact, at time: Int64, team: String?) -> [String?] {
        groupBy.map { dimension in
            switch dimension {
            case "region": contact.region
            case "channel": contact.channel
            case "line": contact.line
            case "language": contact.language ?? "en"
            case "age_group": Self.ageGroup(contact.age)
            case "race_ethnicity": contact.race
            case "team": team
            case "ruleset_version": contact.rulesetVersion.map { String($0) }
            case "experiment_arm": contact.arm
            case "day", "week", "month": periodStart(dimension, of: time)
            default: fatalError("no such dimension in the test: \(dimension)")
            }
        }
    }

    static func ageGroup(_ age: Int?) -> String {
        guard let age else { return "unknown" }
        switch age {
        case ..<18: return "<18"
        case 18...24: return "18-24"
        case 25...44: return "25-44"
        case 45...64: return "45-64"
        default: return "65+"
        }
    }

    /// The first day of the period holding `time` in the report's zone, `YYYY-MM-DD`.
    private func periodStart(_ period: String, of time: Int64) -> String {
        var local = Calendar(identifier: .gregorian)
        local.timeZone = TimeZone(identifier: timeZone)!
        let parts = local.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(time) / 1000))
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        var date = utc.date(from: DateComponents(year: parts.year, month: parts.month, day: period == "month" ? 1 : parts.day, hour: 12))!
        // Foundation numbers Sunday 1 … Saturday 7; ISO weeks start on Monday.
        if period == "week" { date = utc.date(byAdding: .day, value: -((parts.weekday! + 5) % 7), to: date)! }
        let first = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", first.year!, first.month!, first.day!)
    }
}
