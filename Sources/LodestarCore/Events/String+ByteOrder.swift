#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `self` sorts before `other` by their UTF-8 bytes, as PostgreSQL's "C" collation
    /// sorts them. One `memcmp` over the strings' contiguous bytes: `utf8.lexicographicallyPrecedes`
    /// walked both strings through iterators, 6% of the server's instructions in batch ingest.
    func precedesInByteOrder(_ other: String) -> Bool {
        var left = self, right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }

    /// Whether `self` and `other` are the same UTF-8 bytes. Swift's `==` holds for canonically
    /// equivalent strings (a precomposed "é" and "e" with a combining accent), but an identifier
    /// is its bytes, as PostgreSQL stores, compares and orders it: two such event ids are two
    /// events, in the order of their bytes.
    func hasSameBytes(as other: String) -> Bool {
        var left = self, right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count else { return false }
                guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
                return memcmp(pa, pb, a.count) == 0
            }
        }
    }

    /// Feeds the string's UTF-8 bytes and their count to `hasher`: the hash that goes with
    /// `hasSameBytes(as:)`.
    func hashBytes(into hasher: inout Hasher) {
        var copy = self
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(utf8.count)
    }
}
