import Foundation
import LodestarStore
import Testing

/// Follow-up ids are version 7 UUIDs: valid, unique, and in the order they were made.
@Suite struct FollowUpIDTests {
    @Test func idsAreVersionSevenUUIDsInCanonicalForm() {
        let id = FollowUpID.make()
        #expect(FollowUpID.isValid(id))
        #expect(id == id.lowercased())
        let bytes = Array(id.utf8)
        #expect(bytes[14] == UInt8(ascii: "7"))
        #expect("89ab".utf8.contains(bytes[19]))
    }

    @Test func idsMadeLaterSortAfterAndNoneRepeats() async throws {
        var ids: [String] = []
        for round in 0..<5 {
            if round > 0 { try await Task.sleep(for: .milliseconds(2)) }
            ids += (0..<2_000).map { _ in FollowUpID.make() }
        }
        #expect(Set(ids).count == ids.count)
        // Ids of different milliseconds sort in the order made (within one millisecond the
        // random bits order them): the first of each round sorts after every id of the rounds
        // before it.
        for round in 1..<5 {
            let first = ids[round * 2_000]
            #expect(ids[..<(round * 2_000)].allSatisfy { $0 < first })
        }
    }

    @Test func theTimeInTheIdIsTheWallClocksMilliseconds() throws {
        let id = FollowUpID.make()
        let hex = id.replacingOccurrences(of: "-", with: "").prefix(12)
        let milliseconds = try #require(UInt64(hex, radix: 16))
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        #expect(milliseconds <= now && now - milliseconds < 5_000)
    }
}
