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
}
