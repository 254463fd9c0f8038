public import Loop
import Postgres

/// This process's live view of the change log: numbers what this process committed (word of it
/// comes through `ChangeAppends`), reads what any process numbered (a notification says so), and
/// hands each change, in order and once, to every subscriber (the open `/v1/stream` responses of
/// this process).
///
/// Local word and notifications make it prompt; a periodic pass makes it certain (changes a
/// stopped process left unnumbered, a notification lost while the listening connection was
/// down, a numbering that failed during an outage).
@LoopActor
public final class ChangeFeed {
    public typealias Deliver = @LoopActor (NumberedChange) -> Bool

    private let log: ChangeLog
    /// The last position handed to subscribers; nil until first read from the database.
    private var position: Int64?
    private var subscribers: [Int: Deliver] = [:]
    private var nextSubscriberID = 0
    private var numbering = Coalesced()
    private var reading = Coalesced()
    private var tasks: [Task<Void, Never>] = []
    private var timer: LoopTimer?
    private var passes = 0
    /// Prune once in this many periodic passes.
    private static let passesPerPrune = 120
    private static let periodicPass: Duration = .seconds(5)

    private let appends: ChangeAppends

    init(log: ChangeLog, appends: ChangeAppends) {
        self.log = log
        self.appends = appends
    }

    /// Starts numbering this process's appends, listening (retrying while the database is
    /// down) and the periodic pass.
    public func start() {
        guard tasks.isEmpty else { return }
        appends.observe { [weak self] in self?.requestNumbering() }
        tasks.append(EventLoop.shared.task { [weak self] in await self?.listen() })
        timer = LoopTimer.housekeeping(every: Self.periodicPass) { [weak self] in self?.periodicPass() }
    }

    public func stop() {
        for task in tasks { task.cancel() }
        tasks = []
        timer?.close()
        timer = nil
        subscribers = [:]
    }

    /// Registers `deliver` for every change numbered from now on; it returns false to be
    /// dropped (its client left, or fell too far behind and must resume with `Last-Event-ID`).
    public func subscribe(_ deliver: @escaping Deliver) -> Int {
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[id] = deliver
        return id
    }

    public func unsubscribe(_ id: Int) { subscribers[id] = nil }

    private func listen() async {
        await followNotifications({ try await log.numberedNotifications() }, listening: {
            requestNumbering()
            requestRead()
        }, each: { notification in
            if notification.isReconnectMarker { requestNumbering() }
            if subscribers.isEmpty, let highest = Int64(notification.payload) {
                // Nobody here to hand them to: move past them without reading them.
                position = max(position ?? highest, highest)
                return
            }
            requestRead()
        })
    }

    private func periodicPass() {
        requestNumbering()
        requestRead()
        passes += 1
        if passes % Self.passesPerPrune == 0 {
            let log = self.log
            tasks.append(EventLoop.shared.task { _ = try? await log.prune() })
            tasks.removeAll { $0.isCancelled }
        }
    }

    private func requestNumbering() {
        guard numbering.request() else { return }
        _ = EventLoop.shared.task { [weak self] in
            // A moment's wait before each pass gathers the commits of a burst into one
            // numbering (at most ten a second however busy), far within the stream's second.
            repeat {
                try? await sleep(for: Self.numberingGather)
                guard let self else { return }
                _ = try? await self.log.numberCommitted()
            } while self?.numbering.finishPass() == true
        }
    }

    private static let numberingGather: Duration = .milliseconds(100)

    private func requestRead() {
        guard reading.request() else { return }
        _ = EventLoop.shared.task { [weak self] in
            guard let self else { return }
            repeat { try? await self.readNumbered() } while self.reading.finishPass()
        }
    }

    /// Hands on everything numbered after `position`, page by page.
    private func readNumbered() async throws {
        guard let start = position else {
            position = try await log.latestPosition()
            return
        }
        var cursor = start
        while true {
            let page = try await log.read(after: cursor, limit: 500)
            for change in page {
                for (id, deliver) in subscribers where !deliver(change) { subscribers[id] = nil }
            }
            cursor = page.last?.position ?? cursor
            position = cursor
            if page.count < 500 { return }
        }
    }
}

/// Work that is requested often and must run once more after the last request, never twice
/// at the same time.
struct Coalesced {
    private var running = false
    private var requestedAgain = false

    /// True when the caller should start a pass now; false when one is running (it will run again).
    mutating func request() -> Bool {
        if running { requestedAgain = true; return false }
        running = true
        return true
    }

    /// True when another pass is owed; false when the work is idle again.
    mutating func finishPass() -> Bool {
        if requestedAgain { requestedAgain = false; return true }
        running = false
        return false
    }
}
