import LodestarCore
import Testing
import Time

/// The overdue sweep's machine: ticks with a hand-driven clock, sweeps that end when the test says.
@Suite struct OverdueSweepTests {
    static func time(_ seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: 1_800_000_000 + seconds) }

    @Test func aTickSweepsAsOfItsTimeAndNoSweepOverlapsAnother() {
        var sweep = OverdueSweep()
        #expect(sweep.tick(now: Self.time(0)) == .sweep(cutoff: Self.time(0)))
        #expect(sweep.tick(now: Self.time(30)) == .none)
        #expect(sweep.sweepSucceeded(flagged: 2, openOverdue: 5) == [.flagged(2)])
        #expect(sweep.tick(now: Self.time(60)) == .sweep(cutoff: Self.time(60)))
        #expect(sweep.sweepSucceeded(flagged: 0, openOverdue: 5) == [])
        #expect(sweep.flaggedTotal == 2)
        #expect(sweep.completedSweeps == 2)
        #expect(sweep.openOverdue == 5)
    }

    @Test func theGaugeIsUnknownUntilASweepSucceeds() {
        var sweep = OverdueSweep()
        #expect(sweep.openOverdue == nil)
        _ = sweep.tick(now: Self.time(0))
        _ = sweep.sweepFailed()
        #expect(sweep.openOverdue == nil)
        _ = sweep.tick(now: Self.time(30))
        _ = sweep.sweepSucceeded(flagged: 0, openOverdue: 0)
        #expect(sweep.openOverdue == 0)
    }

    @Test func aRunOfFailuresIsReportedOnceAndItsEndOnce() {
        var sweep = OverdueSweep()
        for second in [0, 30, 60] as [Int64] {
            #expect(sweep.tick(now: Self.time(second)) == .sweep(cutoff: Self.time(second)))
            #expect(sweep.sweepFailed() == (second == 0 ? [.failing] : []))
        }
        #expect(sweep.failedSweeps == 3)
        _ = sweep.tick(now: Self.time(90))
        #expect(sweep.sweepSucceeded(flagged: 1, openOverdue: 1) == [.recovered(afterFailures: 3), .flagged(1)])
        _ = sweep.tick(now: Self.time(120))
        #expect(sweep.sweepFailed() == [.failing])
    }

    @Test func afterStopNothingStartsAndARunningSweepIsNotReported() {
        var sweep = OverdueSweep()
        _ = sweep.tick(now: Self.time(0))
        sweep.stop()
        #expect(sweep.sweepSucceeded(flagged: 4, openOverdue: 4) == [])
        #expect(sweep.flaggedTotal == 0)
        #expect(sweep.tick(now: Self.time(30)) == .none)
    }

    @Test func anOutcomeWithoutASweepRunningChangesNothing() {
        var sweep = OverdueSweep()
        #expect(sweep.sweepSucceeded(flagged: 3, openOverdue: 3) == [])
        #expect(sweep.sweepFailed() == [])
        #expect(sweep.flaggedTotal == 0 && sweep.failedSweeps == 0)
    }
}
