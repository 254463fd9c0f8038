import LodestarCore
import Testing
import Time

/// The live-signal sweep's machine: ticks with a hand-driven clock, sweeps that end when the
/// test says.
@Suite struct SignalSweepTests {
    static func time(_ seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: 1_800_000_000 + seconds) }

    @Test func aTickSweepsAsOfItsTimeAndNoSweepOverlapsAnother() {
        var sweep = SignalSweep()
        #expect(sweep.tick(now: Self.time(0)) == .sweep(now: Self.time(0)))
        #expect(sweep.tick(now: Self.time(60)) == .none)
        #expect(sweep.sweepSucceeded(announced: 3) == [.announced(3)])
        #expect(sweep.tick(now: Self.time(120)) == .sweep(now: Self.time(120)))
        #expect(sweep.sweepSucceeded(announced: 0) == [])
        #expect(sweep.announcedTotal == 3)
        #expect(sweep.completedSweeps == 2)
    }

    @Test func failuresAreLoggedOnceAndTheRecoveryCounted() {
        var sweep = SignalSweep()
        _ = sweep.tick(now: Self.time(0))
        #expect(sweep.sweepFailed() == [.failing])
        _ = sweep.tick(now: Self.time(60))
        #expect(sweep.sweepFailed() == [])
        _ = sweep.tick(now: Self.time(120))
        #expect(sweep.sweepSucceeded(announced: 1) == [.recovered(afterFailures: 2), .announced(1)])
        #expect(sweep.failedSweeps == 2)
    }

    @Test func aStoppedSweepNeitherStartsNorReports() {
        var sweep = SignalSweep()
        _ = sweep.tick(now: Self.time(0))
        sweep.stop()
        #expect(sweep.sweepSucceeded(announced: 5) == [])
        #expect(sweep.tick(now: Self.time(60)) == .none)
        #expect(sweep.announcedTotal == 0)
    }
}
