import Loop
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LoopTaskTests {
    init() { EventLoop.startInBackground() }

    /// Loop work must not depend on the global pool: a sleep started with `EventLoop.task`
    /// ends while every pool thread is blocked (each blocker waits for it, up to a deadline).
    @Test func sleepEndsWhileTheGlobalPoolIsBlocked() async {
        let done = SleepEnded()
        let poolWidth = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let blockers = (0..<poolWidth).map { _ in
            Task.detached { () -> Bool in
                for _ in 0..<3000 where !done.flag.load(ordering: .acquiring) { usleep(1000) }
                return done.flag.load(ordering: .acquiring)
            }
        }
        EventLoop.shared.task {
            try? await sleep(for: .milliseconds(30))
            done.flag.store(true, ordering: .releasing)
        }
        for blocker in blockers {
            #expect(await blocker.value, "the sleep waited for a pool thread")
        }
    }
}

/// Shared between the loop and the blocking tasks (an `Atomic` alone cannot be captured).
private final class SleepEnded: Sendable {
    let flag = Atomic<Bool>(false)
}
