import JSON
public import LodestarCore
import Postgres

/// What the audit log records of a page of a dispatch listing shown (SPEC §8: every read of
/// contact-level data): the listing, and the dispatches and contacts on the page. Made once
/// with the page, so a page a process serves again from its cache costs only the insert.
public struct DispatchListRead: Sendable {
    /// The audit row's `detail`, as JSON text.
    let detail: String

    public init(listing: DispatchListing, page: DispatchPage) {
        var writer = JSONWriter(reservingCapacity: 64 + page.entries.count * 24)
        writer.beginObject()
        writer.key("status")
        writer.string(listing.name)
        writer.key("count")
        writer.int(Int64(page.entries.count))
        writer.key("dispatches")
        writer.beginArray()
        for entry in page.entries { writer.int(entry.dispatch.id) }
        writer.endArray()
        writer.key("contacts")
        writer.beginArray()
        for contact in Set(page.entries.map { $0.dispatch.contactID }).sorted() { writer.string(contact) }
        writer.endArray()
        writer.endObject()
        detail = String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The bytes kept for it.
    public var byteCount: Int { detail.utf8.count }
}

extension DispatchStore {
    /// Records that `actor` was shown the page `read` describes, committed before this returns
    /// (in a transaction shared with concurrent reads: `ReadAudits`).
    public func audit(_ read: DispatchListRead, by actor: String) async throws {
        try await readAudits.record(.init(actor: actor, action: "dispatch.list", resource: "dispatches", detail: read.detail))
    }
}
