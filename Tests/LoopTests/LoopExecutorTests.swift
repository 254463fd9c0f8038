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

    /// Jobs enqueued from several threads at once all run, and the jobs of each thread run in
    /// the order that thread enqueued them (the loop's queue is FIFO).
    @Test func jobsFromManyThreadsRunInTheOrderEachThreadEnqueuedThem() async {
        final class RunLog: Sendable { let entries = Mutex<[(thread: Int, index: Int)]>([]) }
        let log = RunLog()
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<4 {
                group.addTask {
                    let tasks = (0..<200).map { index in
                        EventLoop.shared.task { log.entries.withLock { $0.append((thread, index)) } }
                    }
                    for task in tasks { await task.value }
                }
            }
        }
        let order = log.entries.withLock { $0 }
        #expect(order.count == 800)
        for thread in 0..<4 {
            #expect(order.filter { $0.thread == thread }.map(\.index) == Array(0..<200))
        }
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
