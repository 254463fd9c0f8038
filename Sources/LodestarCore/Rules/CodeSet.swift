/// A set of a fact's codes (see `FactDomains`), one bit per code.
///
/// A rule's comparison is compiled to the set of codes for which it holds, so evaluating it
/// is one bit test, and reasoning about rules (is this rule ever reached?) is set algebra
/// on the very sets the evaluator tests.
struct CodeSet: Sendable, Hashable {
    /// Bit `code % 64` of word `code / 64`; bits at and above `count` are zero.
    private(set) var words: [UInt64]
    /// The size of the fact's domain.
    let count: Int

    /// The codes below `count` for which `included` holds.
    init(count: Int, where included: (Int) -> Bool) {
        self.count = count
        words = Array(repeating: 0, count: (count + 63) / 64)
        for code in 0..<count where included(code) {
            words[code / 64] |= 1 << UInt64(code % 64)
        }
    }

    private init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
    }

    func contains(_ code: Int) -> Bool {
        words[code / 64] >> UInt64(code % 64) & 1 != 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var isFull: Bool { complement().isEmpty }

    func complement() -> CodeSet {
        var flipped = words.map { ~$0 }
        let spare = flipped.count * 64 - count
        if spare > 0 { flipped[flipped.count - 1] &= ~0 >> UInt64(spare) }
        return CodeSet(words: flipped, count: count)
    }

    func intersection(_ other: CodeSet) -> CodeSet {
        CodeSet(words: zip(words, other.words).map { $0 & $1 }, count: count)
    }

    func union(_ other: CodeSet) -> CodeSet {
        CodeSet(words: zip(words, other.words).map { $0 | $1 }, count: count)
    }

    func isSubset(of other: CodeSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }
}
