/// A condition rewritten for reasoning: negations pushed into the code sets of comparisons
/// (negation normal form), nested `all`s and `any`s flattened, and comparisons on one fact
/// within an `all` (an `any`) merged into one by intersecting (uniting) their sets.
///
/// The rewriting keeps the meaning exactly, because a comparison holds precisely when the
/// fact's code is in its set (`FactDomains.codes(where:)`, the set the evaluator tests), and
/// `not` of it holds precisely when the code is in the complement. So a form that is `always`
/// holds for every contact, and one that is `never` for none.
indirect enum ConditionForm: Sendable, Hashable {
    /// The fact's code is in the set (never empty, never full: those become `never`/`always`).
    case literal(RoutingFact, CodeSet)
    case all([ConditionForm])
    case any([ConditionForm])

    static let always = ConditionForm.all([])
    static let never = ConditionForm.any([])

    var isAlways: Bool { self == .always }
    var isNever: Bool { self == .never }

    /// `condition`, or its negation, over `domains`.
    init(_ condition: RuleCondition, domains: FactDomains, negated: Bool = false) {
        switch condition.form {
        case .test(let test):
            let codes = domains.codes(where: test)
            self = Self.comparison(test.fact, negated ? codes.complement() : codes)
        case .not(let child):
            self = ConditionForm(child, domains: domains, negated: !negated)
        case .all(let children):
            // De Morgan: not all = any not.
            self = Self.combine(children.map { ConditionForm($0, domains: domains, negated: negated) }, isAll: !negated)
        case .any(let children):
            self = Self.combine(children.map { ConditionForm($0, domains: domains, negated: negated) }, isAll: negated)
        }
    }

    /// The literal, or `never`/`always` when the set is empty/full.
    static func comparison(_ fact: RoutingFact, _ codes: CodeSet) -> ConditionForm {
        codes.isEmpty ? .never : codes.isFull ? .always : .literal(fact, codes)
    }

    /// Any of `forms`, simplified.
    static func disjunction(_ forms: [ConditionForm]) -> ConditionForm {
        combine(forms, isAll: false)
    }

    /// All of `forms`, simplified.
    static func conjunction(_ forms: [ConditionForm]) -> ConditionForm {
        combine(forms, isAll: true)
    }

    /// All (or any) of `forms`, flattened, with comparisons on one fact merged.
    private static func combine(_ forms: [ConditionForm], isAll: Bool) -> ConditionForm {
        var literals: [(fact: RoutingFact, codes: CodeSet)] = []
        var others: [ConditionForm] = []
        func add(_ form: ConditionForm) {
            switch (form, isAll) {
            case (.all(let children), true), (.any(let children), false):
                children.forEach(add)
            case (.literal(let fact, let codes), _):
                if let index = literals.firstIndex(where: { $0.fact == fact }) {
                    let merged = literals[index].codes
                    literals[index].codes = isAll ? merged.intersection(codes) : merged.union(codes)
                } else {
                    literals.append((fact, codes))
                }
            default:
                others.append(form)
            }
        }
        forms.forEach(add)
        // An empty `any` inside an `all` (or empty `all` inside an `any`) decides the whole.
        let absorbing: ConditionForm = isAll ? .never : .always
        if others.contains(absorbing) { return absorbing }
        var parts: [ConditionForm] = []
        for (fact, codes) in literals {
            let part = comparison(fact, codes)
            if part == absorbing { return absorbing }
            if part != (isAll ? .always : .never) { parts.append(part) }
        }
        parts += others
        if parts.count == 1 { return parts[0] }
        return isAll ? .all(parts) : .any(parts)
    }
}
