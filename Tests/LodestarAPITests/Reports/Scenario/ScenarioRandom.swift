/// SplitMix64 with the few draws the report scenario needs, seeded so that a failing run
/// replays exactly.
struct ScenarioRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() % 1_000_000) < p * 1_000_000
    }

    /// One of `choices`, each with its weight.
    mutating func pick<T>(_ choices: [(T, Int)]) -> T {
        var ticket = Int(next() % UInt64(choices.reduce(0) { $0 + $1.1 }))
        for (choice, weight) in choices {
            if ticket < weight { return choice }
            ticket -= weight
        }
        return choices[choices.count - 1].0
    }

    /// `items` in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return items
    }
}
