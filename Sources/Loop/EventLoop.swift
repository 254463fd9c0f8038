import CUV
import DequeModule
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process's libuv loop, acting as the Swift executor that runs every job of `LoopActor`.
///
/// Jobs from any thread are queued under a mutex and the loop is woken with `uv_async_send`,
/// the one libuv call that is safe off the loop thread. libuv coalesces wake-ups, so the
/// callback drains until the queue is empty. Jobs queued while draining on the loop thread
/// need no wake-up at all: the drain picks them up.
public final class EventLoop: SerialExecutor, TaskExecutor, @unchecked Sendable {
    /// The one loop of this process (DESIGN.md: one process, one loop).
    public static let shared = EventLoop()

    /// The libuv loop. Touch it only on the loop thread.
    let raw: UnsafeMutablePointer<uv_loop_t>
    private let wakeup: UnsafeMutablePointer<uv_async_t>
    private let queued = Mutex(Deque<UnownedJob>())
    /// Owned by the loop thread: swapped with `queued` so draining allocates nothing.
    private nonisolated(unsafe) var draining = Deque<UnownedJob>()
    private let isDraining = Atomic<Bool>(false)
    private let loopThread = Atomic<UInt>(0)
    private let hasThread = Atomic<Bool>(false)

    private init() {
        raw = .allocate(capacity: 1)
        precondition(uv_loop_init(raw) == 0, "uv_loop_init failed")
        // libuv writes to sockets with write(2): to a peer that has reset the connection, that
        // raises SIGPIPE, whose default action ends the process (a stream client closing with
        // RST mid-replay killed the server). Ignored, the write fails with EPIPE and only that
        // connection closes.
        signal(SIGPIPE, SIG_IGN)
        wakeup = .allocate(capacity: 1)
        precondition(uv_async_init(raw, wakeup, { handle in
            EventLoop.shared.drain()
        }) == 0, "uv_async_init failed")
        // The wake-up handle must not keep the loop alive on its own: `run` ends when the
        // last real handle is closed.
        uv_unref(wakeupHandle)
    }

    // MARK: Executor

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let wasEmpty = queued.withLock { jobs in
            let wasEmpty = jobs.isEmpty
            jobs.append(job)
            return wasEmpty
        }
        if wasEmpty && !(isDraining.load(ordering: .relaxed) && isOnLoopThread) {
            uv_async_send(wakeup)
        }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    public func checkIsolated() {
        preconditionOnLoopThread()
    }

    /// True on the thread that runs the loop.
    public var isOnLoopThread: Bool {
        hasThread.load(ordering: .acquiring) && pthread_equal(pthread_self(), loopThread.load(ordering: .relaxed)) != 0
    }

    public func preconditionOnLoopThread(file: StaticString = #fileID, line: UInt = #line) {
        precondition(isOnLoopThread, "libuv used off the loop thread", file: file, line: line)
    }

    private func drain() {
        isDraining.store(true, ordering: .relaxed)
        let serial = asUnownedSerialExecutor()
        let task = asUnownedTaskExecutor()
        while true {
            queued.withLock { jobs in swap(&jobs, &draining) }
            if draining.isEmpty { break }
            while let job = draining.popFirst() {
                job.runSynchronously(isolatedTo: serial, taskExecutor: task)
            }
        }
        isDraining.store(false, ordering: .relaxed)
    }

    // MARK: Running

    /// Runs the loop on the calling thread until `main` has finished and every handle is closed.
    ///
    /// When `main` returns, handles still open are closed (servers, timers left behind), so the
    /// loop always ends with `uv_loop_close` succeeding.
    public func run(_ main: @escaping @Sendable @LoopActor () async -> Void) {
        claimCurrentThread()
        // While `main` runs, the wake-up handle keeps the loop alive even when `main` waits on
        // something that holds no handle of its own.
        uv_ref(wakeupHandle)
        task {
            await main()
            uv_unref(self.wakeupHandle)
            HandleRegistry.shared.closeAll()
        }
        uv_run(raw, UV_RUN_DEFAULT)
        uv_close(wakeupHandle, nil)
        uv_run(raw, UV_RUN_DEFAULT)
        let status = uv_loop_close(raw)
        precondition(status == 0, "uv_loop_close: \(UVError(code: status)); a handle was left open")
    }

    private var wakeupHandle: UnsafeMutablePointer<uv_handle_t> {
        UnsafeMutableRawPointer(wakeup).assumingMemoryBound(to: uv_handle_t.self)
    }

    /// Runs the loop forever on a new thread: for test processes, which have no main loop.
    /// Idempotent.
    public static func startInBackground() {
        backgroundStart.withLock { didStart in
            guard !didStart else { return }
            didStart = true
            let ready = Atomic<Bool>(false)
            var thread = pthread_t()
            let box = Unmanaged.passRetained(ThreadStart { 
                shared.claimCurrentThread()
                ready.store(true, ordering: .releasing)
                // Referenced, the wake-up handle keeps uv_run going when nothing else is open.
                uv_ref(shared.wakeupHandle)
                uv_run(shared.raw, UV_RUN_DEFAULT)
            }).toOpaque()
            precondition(pthread_create(&thread, nil, { arg in
                let start = Unmanaged<ThreadStart>.fromOpaque(arg!).takeRetainedValue()
                start.body()
                return nil
            }, box) == 0)
            while !ready.load(ordering: .acquiring) { sched_yield() }
        }
    }

    private static let backgroundStart = Mutex(false)

    private func claimCurrentThread() {
        loopThread.store(pthread_self(), ordering: .relaxed)
        hasThread.store(true, ordering: .releasing)
    }

}

private final class ThreadStart: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
