import LodestarCore
import LodestarStore
import Loop

/// The board pages this process rendered, kept while the database's listing version
/// (`DispatchStore.listingVersion`) reads the same: dispatchers polling the board then cost a
/// read of one row rather than a page of rows, and a change through any process, which bumps
/// the version in its own transaction, is seen by the next read everywhere.
@LoopActor
final class DispatchBoardCache {
    /// A page: which listing, how many dispatches, after which.
    struct Key: Hashable {
        var listing: DispatchListing
        var limit: Int
        var after: DispatchListCursor?
    }

    /// Bounds on what is kept (a page of 1,000 dispatches is about 400 KB).
    private let maximumPages: Int
    private let maximumBytes: Int
    private var version: Int64?
    private var pages: [Key: DispatchBoardPage] = [:]
    private var bytes = 0

    nonisolated init(maximumPages: Int = 32, maximumBytes: Int = 4 << 20) {
        self.maximumPages = maximumPages
        self.maximumBytes = maximumBytes
    }

    /// The page kept for `key` if it was read at `version`.
    func page(_ key: Key, at version: Int64) -> DispatchBoardPage? {
        version == self.version ? pages[key] : nil
    }

    /// Keeps `page`, read after the listing version was `version`. Pages of any other version
    /// are dropped: equality is what makes a page current, so a page read at an older version
    /// (a slower request finishing late) never serves a newer one.
    func keep(_ page: DispatchBoardPage, for key: Key, at version: Int64) {
        if version != self.version || pages.count >= maximumPages || bytes + page.byteCount > maximumBytes {
            pages.removeAll(keepingCapacity: true)
            bytes = 0
            self.version = version
        }
        guard page.byteCount <= maximumBytes else { return }
        bytes += page.byteCount - (pages[key]?.byteCount ?? 0)
        pages[key] = page
    }
}
