/// Finds the rules of a valid ruleset that can never fire, for `Ruleset.warnings`.
///
/// Rules are tried in order, so a rule is dead when every contact it matches is matched by
/// a rule before it: after a rule that matches everyone, when its own condition never holds,
/// or when its condition implies an earlier rule's, or the union of the earlier ones'. Each
/// finding is a proof (see `ConditionForm.implies`), so the warnings are never wrong; a dead
/// rule whose proof needs more than the search budget goes unreported.
enum RuleReachability {
    /// Implication steps allowed per rule.
    static let budget = 20_000

    static func warnings(for rules: [Rule], domains: FactDomains) -> [ValidationIssue] {
        let forms = rules.map { ConditionForm($0.when, domains: domains) }
        var warnings: [ValidationIssue] = []
        var earlier = ConditionForm.never
        var catchAll: Int?
        for (index, form) in forms.enumerated() {
            defer { earlier = .disjunction([earlier, form]) }
            let path = JSONPath.root.member("rules").element(index)
            if let catchAll {
                warnings.append(ValidationIssue(path, "never fires: \(name(rules, catchAll)) before it matches every contact"))
                continue
            }
            if form.isAlways { catchAll = index }
            if form.isNever {
                warnings.append(ValidationIssue(path, "never fires: its condition holds for no contact"))
                continue
            }
            var budget = Self.budget
            if let shadow = forms[..<index].firstIndex(where: { form.implies($0, budget: &budget) }) {
                warnings.append(ValidationIssue(path, "never fires: every contact it matches is matched first by \(name(rules, shadow))"))
            } else if index > 1, form.implies(earlier, budget: &budget) {
                warnings.append(ValidationIssue(path, "never fires: every contact it matches is matched first by one of the rules before it"))
            }
        }
        return warnings
    }

    private static func name(_ rules: [Rule], _ index: Int) -> String {
        "rules[\(index)] (\(rules[index].id))"
    }
}
