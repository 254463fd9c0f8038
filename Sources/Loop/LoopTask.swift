extension EventLoop {
    /// Starts `operation` as a new task on the loop. Use it instead of `Task { @LoopActor in }`.
    ///
    /// A task resumed by a continuation (a timer fired, a write completed, a sleep ended) is first
    /// enqueued on its task executor, and only then hops to `LoopActor`. Without a preference that
    /// executor is the global pool: every resume of loop work takes a detour through it, and
    /// stalls while its threads are busy or blocked. Preferring the loop keeps the path on the loop.
    @discardableResult
    public func task(_ operation: @escaping @Sendable @LoopActor () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: self) { await operation() }
    }
}
