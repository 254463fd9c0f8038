import JSON
import LodestarCore
import LodestarStore
import Time

/// A page of `GET /v1/dispatches` rendered once and finished at each request: of every dispatch,
/// what does not change with the moment of the request is kept as JSON text, and
/// `elapsed_minutes` and `breached` are written when the page is shown.
///
/// The page keeps what the audit log records of its being shown (`DispatchListRead`), so a
/// page served again costs no more than the audit row's insert.
///
/// Each entry is kept in two pieces around its elapsed minutes: `{"id":…,"elapsed_minutes":`
/// and `,"target_minutes":60,"breached":`. Showing the page copies the pieces and writes a
/// number and a literal between them, so the text is the same byte for byte as writing each
/// entry whole with `JSONWriter` (a test holds it to that).
struct DispatchBoardPage: Sendable {
    private let text: [UInt8]
    private let entries: [Entry]
    /// Where the listing's next page starts.
    let next: DispatchListCursor?
    /// What each showing of the page writes to the audit log.
    let read: DispatchListRead

    /// A plain value (no references), so showing a page counts no references.
    private struct Entry: Sendable {
        var time: DispatchResponseTime
        var targetMinutes: Int
        /// The end of the first piece, and of the second, in `text`.
        var head: Int
        var end: Int
    }

    init(_ page: DispatchPage, listing: DispatchListing) {
        var text: [UInt8] = []
        text.reserveCapacity(page.entries.count * 440)
        var entries: [Entry] = []
        entries.reserveCapacity(page.entries.count)
        for entry in page.entries {
            var writer = JSONWriter(reservingCapacity: 512)
            writer.beginObject()
            entry.dispatch.writeMembers(to: &writer)
            text.append(contentsOf: writer.bytes)
            text.append(contentsOf: #","elapsed_minutes":"#.utf8)
            let head = text.count
            text.append(contentsOf: #","target_minutes":\#(entry.targetMinutes),"breached":"#.utf8)
            entries.append(Entry(time: entry.dispatch.responseTime, targetMinutes: entry.targetMinutes, head: head, end: text.count))
        }
        self.text = text
        self.entries = entries
        next = page.next
        read = DispatchListRead(listing: listing, page: page)
    }

    /// The bytes kept for the page.
    var byteCount: Int { text.count + read.byteCount }

    /// The response body at `now`, with `next` as the link to the following page when there is one.
    func json(now: Timestamp, next link: String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + entries.count * 16 + 64 + (link?.utf8.count ?? 0))
        out.append(contentsOf: #"{"dispatches":["#.utf8)
        text.withUnsafeBufferPointer { text in
            var start = 0
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<entry.head]))
                Self.appendMinutes(entry.time.elapsedMinutes(now: now), to: &out)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[entry.head..<entry.end]))
                out.append(contentsOf: entry.time.breached(targetMinutes: entry.targetMinutes, now: now) ? Self.breached : Self.notBreached)
                start = entry.end
            }
        }
        out.append(UInt8(ascii: "]"))
        if let link {
            out.append(contentsOf: #","next":"#.utf8)
            out.append(contentsOf: JSONValue.string(link).serialized())
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static let breached = Array("true}".utf8)
    private static let notBreached = Array("false}".utf8)

    /// Appends `minutes` rounded to hundredths as `JSONWriter` writes that double (its shortest
    /// form, `12.5`, `12.05`, `12.0`), from the integer number of hundredths: a hundred numbers
    /// a page, the general shortest-form algorithm was a tenth of the cost of showing one.
    /// Below 2^44 hundredths doubles lie closer together than 0.01, so the shortest form of
    /// `k / 100` is `k / 100` written out; beyond, and for what is not finite, the writer's own.
    static func appendMinutes(_ minutes: Double, to out: inout [UInt8]) {
        let hundredths = (minutes * 100).rounded()
        guard hundredths.magnitude < 0x1p44 else {
            var writer = JSONWriter(reservingCapacity: 32)
            writer.double(hundredths / 100)
            out.append(contentsOf: writer.bytes)
            return
        }
        if hundredths.sign == .minus { out.append(UInt8(ascii: "-")) }
        let count = UInt64(hundredths.magnitude)
        let whole = count / 100
        var unit: UInt64 = 1
        while unit <= whole / 10 { unit *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(whole / unit % 10))
            unit /= 10
        } while unit > 0
        let fraction = UInt8(count % 100)
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + fraction / 10)
        if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + fraction % 10) }
    }
}
