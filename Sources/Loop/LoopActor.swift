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
    ///
    /// The closure is handed to a nonisolated caller whose signature is cast to take an isolated
    /// one (the two have the same representation). Casting the closure itself, as the standard
    /// library's `assumeIsolated` does, needs `withoutActuallyEscaping`, which moves the closure's
    /// context to the heap for its escape check: an allocation per call, several per request.
    @inlinable
    public static func assumeIsolated<T, E: Error>(_ operation: @LoopActor () throws(E) -> T) throws(E) -> T {
        EventLoop.shared.preconditionOnLoopThread()
        typealias CallIsolated = (@LoopActor () throws(E) -> T) throws(E) -> T
        let call = unsafeBitCast(callNonisolated as (() throws(E) -> T) throws(E) -> T, to: CallIsolated.self)
        return try call(operation)
    }

    @usableFromInline
    static func callNonisolated<T, E: Error>(_ operation: () throws(E) -> T) throws(E) -> T {
        try operation()
    }
}
