import Loop
import Testing
import Synchronization

@Suite struct LoopExecutorTests {
    init() { EventLoop.startInBackground() }

    @Test func loopActorCodeRunsOnTheLoopThread() async {
        let onLoop = await Task { @LoopActor in EventLoop.shared.isOnLoopThread }.value
        #expect(onLoop)
        #expect(!EventLoop.shared.isOnLoopThread)
    }

    @Test func jobsFromManyThreadsAllRunInOrderPerTask() async {
        let total = await withTaskGroup(of: Int.self) { group in
            for i in 0..<200 {
                group.addTask { await Task { @LoopActor in i }.value }
            }
            return await group.reduce(0, +)
        }
        #expect(total == (0..<200).reduce(0, +))
    }

    @Test func sleepWaitsAtLeastTheDuration() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        try await Task { @LoopActor in try await sleep(for: .milliseconds(30)) }.value
        #expect(clock.now - start >= .milliseconds(29))
    }

    @Test func cancellingASleepEndsItEarly() async {
        let task = Task { @LoopActor in try await sleep(for: .seconds(30)) }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func repeatingTimerFiresUntilStopped() async {
        let count = await withCheckedContinuation { (done: CheckedContinuation<Int, Never>) in
            Task { @LoopActor in
                let timer = LoopTimer()
                var fired = 0
                timer.start(after: .milliseconds(1), repeating: .milliseconds(1)) {
                    fired += 1
                    if fired == 5 { timer.close(); done.resume(returning: fired) }
                }
            }
        }
        #expect(count == 5)
    }
}
