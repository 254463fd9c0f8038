/// A contact's facts as the codes of one ruleset's domains (`FactDomains`): what the
/// evaluators read, one integer per fact, at the fact's slot (`RoutingFact.allCases` order).
struct FactCodes {
    private let slots: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)

    init(_ facts: RoutingFacts, in domains: FactDomains) {
        var flags = 0
        for flag in facts.flags { flags |= 1 << Self.bit(flag) }
        slots = (
            facts.channel.map(Self.code) ?? domains.absentCode(of: .channel),
            Self.code(facts.line, in: domains.lines),
            Self.code(facts.region, in: domains.regions),
            facts.regionType.map(Self.code) ?? domains.absentCode(of: .regionType),
            Self.code(facts.language, in: domains.languages),
            facts.age.flatMap { (0...130).contains($0) ? $0 : nil } ?? domains.absentCode(of: .age),
            facts.riskLevel?.rank ?? domains.absentCode(of: .riskLevel),
            flags,
            facts.consentFollowUp.map { $0 ? 1 : 0 } ?? domains.absentCode(of: .consentFollowUp),
            facts.hourOfDay.flatMap { (0...23).contains($0) ? $0 : nil } ?? domains.absentCode(of: .hourOfDay),
            facts.dayOfWeek.flatMap { (1...7).contains($0) ? $0 - 1 : nil } ?? domains.absentCode(of: .dayOfWeek))
    }

    /// Runs `body` with the codes as a buffer indexed by slot: one pointer for a whole
    /// decision, instead of a switch per comparison.
    func withSlots<Result>(_ body: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        withUnsafeBytes(of: slots) { body($0.assumingMemoryBound(to: Int.self)) }
    }

    /// Where the fact's code is: its position in `RoutingFact.allCases`.
    static func slot(_ fact: RoutingFact) -> Int {
        switch fact {
        case .channel: 0
        case .line: 1
        case .region: 2
        case .regionType: 3
        case .language: 4
        case .age: 5
        case .riskLevel: 6
        case .flags: 7
        case .consentFollowUp: 8
        case .hourOfDay: 9
        case .dayOfWeek: 10
        }
    }

    /// A string's code: its own, or the one shared by every string the rules never name
    /// (the table's size), or for no string the one after that.
    static func code(_ text: String?, in table: [String: Int]) -> Int {
        guard let text else { return table.count + 1 }
        return table.isEmpty ? 0 : table[text] ?? table.count
    }

    static func code(_ channel: Channel) -> Int {
        switch channel {
        case .call: 0
        case .text: 1
        case .chat: 2
        }
    }

    static func code(_ type: RegionType) -> Int {
        switch type {
        case .urban: 0
        case .rural: 1
        case .frontier: 2
        }
    }

    /// The flag's bit in the `flags` code, in declaration order.
    static func bit(_ flag: ContactFlag) -> Int {
        switch flag {
        case .suicidalIdeation: 0
        case .attemptInProgress: 1
        case .meansAccess: 2
        case .violenceRisk: 3
        case .substanceUse: 4
        case .medicalEmergency: 5
        case .youth: 6
        case .veteran: 7
        case .thirdParty: 8
        }
    }
}
