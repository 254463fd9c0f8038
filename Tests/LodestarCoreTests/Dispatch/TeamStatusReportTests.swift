import LodestarCore
import Testing
import Time

/// A team's own reports: statuses, locations, their time order, and what a busy team may say.
@Suite struct TeamStatusReportTests {
    static let t0 = DispatchLifecycleTests.t0
    static let base = GeoPoint(lat: 41.88, lon: -87.63)

    static func team() -> Team {
        Team(description: TeamDescription(id: "t", name: "North 1", capabilities: ["clinician"], regions: ["north"], base: base),
             describedAt: t0.adding(seconds: -3600))
    }

    @Test func aNewTeamIsAvailableAtItsBaseFromItsDescription() {
        let team = Self.team()
        #expect(team.status == .available && team.statusAt == nil && team.availableSince == Self.t0.adding(seconds: -3600))
        #expect(team.position == Self.base)
    }

    @Test func goingAvailableStartsTheWaitAndALocationMovesTheTeam() throws {
        var team = Self.team()
        #expect(try team.apply(TeamStatusReport(status: .offDuty, at: .stated(Self.t0.adding(seconds: -60)))) == Self.t0.adding(seconds: -60))
        #expect(team.status == .offDuty && team.availableSince == nil)
        let place = GeoPoint(lat: 41.9, lon: -87.7)
        try team.apply(TeamStatusReport(status: .available, location: place, at: .stated(Self.t0)))
        #expect(team.status == .available && team.statusAt == Self.t0 && team.availableSince == Self.t0)
        #expect(team.position == place && team.locationAt == Self.t0)
        // The same status again changes nothing but the location.
        try team.apply(TeamStatusReport(status: .available, location: Self.base, at: .stated(Self.t0.adding(seconds: 60))))
        #expect(team.availableSince == Self.t0 && team.locationAt == Self.t0.adding(seconds: 60))
        try team.apply(TeamStatusReport(status: .outOfService, at: .stated(Self.t0.adding(seconds: 120))))
        #expect(team.status == .outOfService && team.availableSince == nil)
    }

    @Test func aBusyTeamReportsALocationButNoOtherStatus() throws {
        var team = Self.team()
        team.change(to: .busy, at: Self.t0)
        for status in ReportedTeamStatus.allCases {
            let before = team
            #expect(throws: TeamReportRejected.busy) { try team.apply(TeamStatusReport(status: status, at: .stated(Self.t0.adding(seconds: 60)))) }
            #expect(team == before)
        }
        let place = GeoPoint(lat: 42, lon: -88)
        try team.apply(TeamStatusReport(status: nil, location: place, at: .stated(Self.t0.adding(seconds: 60))))
        #expect(team.status == .busy && team.position == place)
    }

    @Test func aReportOlderThanTheLastOfItsKindIsRefused() throws {
        var team = Self.team()
        try team.apply(TeamStatusReport(status: .outOfService, at: .stated(Self.t0.adding(seconds: -10))))
        try team.apply(TeamStatusReport(status: .available, location: Self.base, at: .stated(Self.t0)))
        let before = team
        #expect(throws: TeamReportRejected.earlierThanLastReport(Self.t0)) {
            try team.apply(TeamStatusReport(status: .offDuty, at: .stated(Self.t0.adding(seconds: -1))))
        }
        #expect(throws: TeamReportRejected.earlierThanLastReport(Self.t0)) {
            try team.apply(TeamStatusReport(status: nil, location: Self.base, at: .stated(Self.t0.adding(seconds: -1))))
        }
        #expect(team == before)
    }

    @Test func coverageOfRegions() {
        var team = Self.team()
        #expect(team.covers(region: "north") && !team.covers(region: "south") && team.covers(region: nil))
        team.redescribe(TeamDescription(id: "t", name: "Anywhere", capabilities: [], regions: [], base: Self.base))
        #expect(team.covers(region: "south"))
    }
}
