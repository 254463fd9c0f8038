import CMalloc
import Loop

/// Gives memory that load left behind back to the system (issue #8: after heavy load the
/// resident set stayed at its peak while idle).
///
/// glibc keeps freed memory in its heaps for reuse and only returns the top of a heap; after a
/// burst, freed pages in the middle stay resident. So the server (1) caps the malloc arenas
/// (each thread that allocates under contention may get its own, each keeping its own free
/// memory: the loop and the small concurrency pool need few), (2) fixes the mmap threshold, so
/// that large buffers (bodies, serialized responses) are always mapped and unmapped rather than
/// the threshold creeping up after the first large free, and (3) trims every heap on a timer,
/// which releases the free pages anywhere in them. A trim of a hundred megabytes takes a
/// millisecond or two, and it runs on the loop between requests.
enum MemoryReturn {
    static let trimInterval = Duration.seconds(10)

    @LoopActor
    static func start() -> LoopTimer {
        mallopt(M_ARENA_MAX, 2)
        mallopt(M_MMAP_THRESHOLD, 256 * 1024)
        let timer = LoopTimer()
        timer.start(after: trimInterval, repeating: trimInterval) {
            malloc_trim(0)
        }
        return timer
    }
}
