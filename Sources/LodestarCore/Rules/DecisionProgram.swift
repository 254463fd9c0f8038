/// One comparison of a decision program: test the code at `slot` against a code set, then
/// continue at `onTrue` or `onFalse` (another jump, or the end: `matched` or `failed`).
struct Jump: Sendable {
    /// The code set, when it fits one word.
    var mask: UInt64
    /// Otherwise the first of its words in `CompiledRuleset.words`; -1 when `mask` holds it.
    var offset: Int32
    var slot: Int32
    var onTrue: Int32
    var onFalse: Int32

    static let matched: Int32 = -1
    static let failed: Int32 = -2
}

/// Compiles condition trees to jump programs, the short-circuit evaluation of `and`, `or`
/// and `not` laid out in advance: `not` swaps a part's two exits; an `all` sends each part's
/// success to the next part and every failure to its own exit; an `any` the reverse. Parts
/// are compiled last to first, so every target exists when a jump names it. The program
/// then runs as one loop with no recursion and no dispatch on node kinds.
struct DecisionProgram {
    let nodes: [ConditionNode]
    private(set) var jumps: [Jump] = []

    init(nodes: [ConditionNode]) {
        self.nodes = nodes
    }

    /// Adds the condition at `node`; returns where running it starts (`Jump.matched` for a
    /// condition that holds without a test, `Jump.failed` for one that never holds).
    mutating func add(_ node: Int) -> Int32 {
        entry(node, onTrue: Jump.matched, onFalse: Jump.failed)
    }

    private mutating func entry(_ node: Int, onTrue: Int32, onFalse: Int32) -> Int32 {
        switch nodes[node] {
        case .mask(let slot, let mask):
            return append(Jump(mask: mask, offset: -1, slot: Int32(slot), onTrue: onTrue, onFalse: onFalse))
        case .words(let slot, let offset):
            return append(Jump(mask: 0, offset: Int32(offset), slot: Int32(slot), onTrue: onTrue, onFalse: onFalse))
        case .not(let operand):
            return entry(operand, onTrue: onFalse, onFalse: onTrue)
        case .all(let first, let count):
            var next = onTrue
            for operand in (first..<first + count).reversed() { next = entry(operand, onTrue: next, onFalse: onFalse) }
            return next
        case .any(let first, let count):
            var next = onFalse
            for operand in (first..<first + count).reversed() { next = entry(operand, onTrue: onTrue, onFalse: next) }
            return next
        }
    }

    private mutating func append(_ jump: Jump) -> Int32 {
        jumps.append(jump)
        return Int32(jumps.count - 1)
    }

    /// Runs the program from `entry`: whether it ends `matched`.
    static func run(from entry: Int32, _ jumps: UnsafeBufferPointer<Jump>, _ words: UnsafeBufferPointer<UInt64>,
                    _ codes: UnsafeBufferPointer<Int>) -> Bool {
        var next = entry
        while next >= 0 {
            let jump = jumps[Int(next)]
            let code = codes[Int(jump.slot)]
            let set = jump.offset < 0 ? jump.mask : words[Int(jump.offset) + code >> 6]
            next = set >> UInt64(code & 63) & 1 != 0 ? jump.onTrue : jump.onFalse
        }
        return next == Jump.matched
    }
}
