import Foundation
import Testing
import Time

/// Reading TZif bytes (RFC 8536): versions, validation, and every file of the system database.
@Suite struct TZifTests {
    /// Chicago around 2026 as a file: CST, then CDT from March 8, then CST from November 1.
    func chicago2026(version: UInt8, footer: String = "") -> TZifBuilder {
        TZifBuilder(
            version: version,
            transitions: [at("2026-03-08T08:00:00Z").secondsSinceEpoch, at("2026-11-01T07:00:00Z").secondsSinceEpoch],
            typeIndices: [1, 0], types: [(-21_600, 0), (-18_000, 1)], footer: footer)
    }

    @Test(arguments: [UInt8(0), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4")])
    func readsEveryVersion(_ version: UInt8) throws {
        let rules = try ZoneRules(name: "Test/Chicago", tzif: chicago2026(version: version).bytes)
        #expect(rules.name == "Test/Chicago")
        #expect(rules.utcOffset(at: at("2000-01-01T00:00:00Z")) == -21_600)
        #expect(rules.utcOffset(at: at("2026-03-08T07:59:59Z")) == -21_600)
        #expect(rules.utcOffset(at: at("2026-03-08T08:00:00Z")) == -18_000)
        #expect(rules.utcOffset(at: at("2026-11-01T07:00:00Z")) == -21_600)
        // No footer: the last offset holds for ever.
        #expect(rules.utcOffset(at: at("2100-07-01T00:00:00Z")) == -21_600)
    }

    @Test func versionThreeFootersMayUseExtendedHours() throws {
        let rules = try ZoneRules(name: "x", tzif: chicago2026(version: UInt8(ascii: "3"), footer: "<-02>2<-01>,M3.5.0/-1,M10.5.0/0").bytes)
        // After 2026-11-01 the footer rules: -01 from the last Sunday of March 2027, 01:00 UTC.
        #expect(rules.utcOffset(at: at("2027-03-28T00:59:59Z")) == -7200)
        #expect(rules.utcOffset(at: at("2027-03-28T01:00:00Z")) == -3600)
    }

    @Test func everyStrictPrefixIsRefused() throws {
        let bytes = chicago2026(version: UInt8(ascii: "2"), footer: "CST6CDT,M3.2.0,M11.1.0").bytes
        _ = try ZoneRules(name: "x", tzif: bytes)
        for length in 0..<bytes.count {
            #expect(throws: TZifError.self) { try ZoneRules(name: "x", tzif: Array(bytes[..<length])) }
        }
    }

    @Test func refusesWhatIsNotValid() {
        func refusal(_ bytes: [UInt8]) -> TZifError? {
            #expect(throws: TZifError.self) { try ZoneRules(name: "x", tzif: bytes) }
        }
        let valid = chicago2026(version: UInt8(ascii: "2"))
        #expect(refusal(Array("TZiX".utf8) + valid.bytes.dropFirst(4)) == .notTZif)
        #expect(refusal(Array("# tzdb leap seconds".utf8)) == .notTZif)
        #expect(refusal(Array(valid.bytes[..<4]) + [UInt8(ascii: "5")] + valid.bytes.dropFirst(5)) == .unsupportedVersion)
        #expect(refusal(valid.bytes + [0]) == .malformed("bytes after the data"))

        var leaping = valid
        leaping.leapCount = 1
        #expect(refusal(leaping.bytes) == .leapSeconds)
        var unordered = valid
        unordered.transitions.reverse()
        #expect(refusal(unordered.bytes) == .malformed("transitions out of order"))
        var badIndex = valid
        badIndex.typeIndices = [2, 0]
        #expect(refusal(badIndex.bytes) == .malformed("type index out of range"))
        var hugeOffset = valid
        hugeOffset.types[1].0 = 93_600
        #expect(refusal(hugeOffset.bytes) == .malformed("UTC offset out of range"))
        var badFlag = valid
        badFlag.types[1].1 = 2
        #expect(refusal(badFlag.bytes) == .malformed("daylight-saving flag not 0 or 1"))
        var noRules = valid
        noRules.footer = "CST6CDT"
        #expect(refusal(noRules.bytes) == .invalidFooter)
        var noTypes = valid
        noTypes.types = []
        noTypes.typeIndices = []
        noTypes.transitions = []
        #expect(refusal(noTypes.bytes) == .malformed("no local time types"))
    }

    /// Every TZif file Debian installs loads, except the leap-second (`right/`) variants.
    @Test func readsTheWholeSystemDatabase() throws {
        let root = "/usr/share/zoneinfo"
        let names = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
        var loaded = 0
        for name in names {
            guard let data = FileManager.default.contents(atPath: root + "/" + name), data.starts(with: Array("TZif".utf8)) else { continue }
            do {
                _ = try ZoneRules(name: name, tzif: [UInt8](data))
                loaded += 1
            } catch {
                #expect(name.hasPrefix("right/") && error == .leapSeconds, "\(name): \(error)")
            }
        }
        #expect(loaded > 300)
    }
}
