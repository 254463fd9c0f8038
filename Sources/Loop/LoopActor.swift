/// The global actor whose executor is the process's libuv loop.
///
/// Everything that touches libuv handles is isolated to it, so the compiler proves that
/// handles are only used on the loop thread; request handling is ordinary `async` code on it.
@globalActor
public actor LoopActor {
    public static let shared = LoopActor()

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        EventLoop.shared.asUnownedSerialExecutor()
    }

    /// Runs `operation` synchronously, asserting that the caller is on the loop thread.
    ///
    /// For libuv callbacks: they are plain C functions, so the compiler cannot know they run on
    /// the loop thread, but libuv guarantees it. The check makes a violation crash loudly.
    public static func assumeIsolated<T>(_ operation: @LoopActor () throws -> T) rethrows -> T {
        EventLoop.shared.preconditionOnLoopThread()
        return try withoutActuallyEscaping(operation) { isolated in
            try unsafeBitCast(isolated, to: (() throws -> T).self)()
        }
    }
}
