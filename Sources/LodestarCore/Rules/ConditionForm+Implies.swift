extension ConditionForm {
    /// Whether every contact for which `self` holds is one for which `other` holds, as far
    /// as can be shown within `budget` steps.
    ///
    /// Sound, not complete: `true` is a proof (each step is a valid inference: a literal
    /// implies one of the same fact with a superset; an `all` implies what one of its parts
    /// implies; an `any` implies what each of its parts implies; a form implies an `all` that
    /// each part of it is implied by and an `any` that one part is implied by); `false` means
    /// only that no proof was found, so a warning built on it is never wrong. The budget
    /// bounds the search on large rulesets; running out answers `false`.
    func implies(_ other: ConditionForm, budget: inout Int) -> Bool {
        guard budget > 0 else { return false }
        budget -= 1
        if other.isAlways || isNever { return true }
        switch (self, other) {
        case (.literal(let fact, let codes), .literal(let otherFact, let otherCodes)):
            return fact == otherFact && codes.isSubset(of: otherCodes)
        case (_, .all(let parts)):
            return parts.allSatisfy { implies($0, budget: &budget) }
        case (.any(let parts), _):
            return parts.allSatisfy { $0.implies(other, budget: &budget) }
        case (.all(let parts), .any(let otherParts)):
            return parts.contains { $0.implies(other, budget: &budget) }
                || otherParts.contains { implies($0, budget: &budget) }
        case (.all(let parts), .literal):
            return parts.contains { $0.implies(other, budget: &budget) }
        case (.literal, .any(let otherParts)):
            return otherParts.contains { implies($0, budget: &budget) }
        }
    }
}
