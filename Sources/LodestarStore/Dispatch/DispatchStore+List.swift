public import LodestarCore
import Postgres
public import Time

extension DispatchStore {
    /// The version of everything a listing shows (each dispatch, the region it counts in, the
    /// regions' targets), bumped in the transaction of every change to them. A page read after
    /// reading the version, and kept beside it, is still what the database holds for as long as
    /// the version reads the same (a change committed in between only makes it look older).
    public func listingVersion() async throws -> Int64 {
        guard let version = try await pool.query(DispatchListSQL.version).first?[0].int64 else { throw IngestStoreCorrupt() }
        return version
    }

    /// A page of a listing, at most `limit`, after `after` when given (the `next` of the page
    /// before). Each entry carries its contact's region's response target: a region never
    /// described (or none) counts as urban.
    public func list(_ listing: DispatchListing, limit: Int, after: DispatchListCursor?) async throws -> DispatchPage {
        let rows: PostgresRows
        if listing.isNewestFirst {
            rows = try await pool.query(DispatchListSQL.newestFirst(listing), [after?.requestedAt, after?.id, limit + 1])
        } else {
            rows = try await pool.query(DispatchListSQL.boardOrder(listing), [after?.rank, after?.requestedAt, after?.id, limit + 1])
        }
        let column = DispatchSQL.columnCount
        var entries: [DispatchBoardEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            let target = row[column].int ?? RegionProfile.undescribed.responseTargetMinutes
            entries.append(DispatchBoardEntry(dispatch: try DispatchSQL.dispatch(row), targetMinutes: target))
        }
        guard entries.count > limit else { return DispatchPage(entries: entries, next: nil) }
        entries.removeLast()
        let last = entries[entries.count - 1].dispatch
        return DispatchPage(entries: entries, next: DispatchListCursor(rank: last.priority.boardRank, requestedAt: last.requestedAt, id: last.id))
    }
}

/// A dispatch on a listing, with its contact's region's response target.
public struct DispatchBoardEntry: Sendable {
    public var dispatch: Dispatch
    public var targetMinutes: Int
}

/// One page of a listing.
public struct DispatchPage: Sendable {
    public var entries: [DispatchBoardEntry]
    public var next: DispatchListCursor?
}

/// Where a listing's next page starts: the last entry's place in either order.
public struct DispatchListCursor: Sendable, Hashable {
    public var rank: Int
    public var requestedAt: Timestamp
    public var id: Int64

    public init(rank: Int, requestedAt: Timestamp, id: Int64) {
        self.rank = rank
        self.requestedAt = requestedAt
        self.id = id
    }

    /// `<rank>.<microseconds since the epoch>.<id>`: digits, dots and a sign, safe in a query.
    public var text: String { "\(rank).\(requestedAt.microseconds).\(id)" }

    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let rank = Int(parts[0]), (0...1).contains(rank), let micros = Int64(parts[1]), let id = Int64(parts[2])
        else { return nil }
        self.init(rank: rank, requestedAt: Timestamp(microseconds: micros), id: id)
    }
}
