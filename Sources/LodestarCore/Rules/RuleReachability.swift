/// Finds the rules of a valid ruleset that can never fire, for `Ruleset.warnings`.
///
/// Rules are tried in order, so a rule is dead when every routed contact it matches is matched
/// by a rule before it: after a rule that matches every routed contact, when its own condition
/// never holds for one, or when its condition implies an earlier rule's, or the union of the
/// earlier ones'. Each finding is a proof (see `ConditionForm.implies`), so the warnings are
/// never wrong; a dead rule whose proof needs more than the search budget goes unreported.
///
/// "Routed" matters: rules fire when an assessment is routed, and a routed contact always has
/// the facts an assessment brings or the router computes (`routedContact`). So rules that
/// split the risk levels between them (`gte high`, then `lte moderate`) leave nothing for the
/// rules after them, although a simulated contact that lacks a risk level would reach them.
enum RuleReachability {
    /// Implication steps allowed per rule.
    static let budget = 20_000

    /// The facts every routed contact has: the assessment's risk level (required) and consent
    /// (default true), its region's type (urban when none is described, SPEC §4), and the
    /// hour and day of the assessment in the region's zone.
    static let alwaysPresent: [RoutingFact] = [.riskLevel, .consentFollowUp, .regionType, .hourOfDay, .dayOfWeek]

    static func warnings(for rules: [Rule], domains: FactDomains) -> [ValidationIssue] {
        let forms = rules.map { ConditionForm($0.when, domains: domains) }
        let routed = routedContact(domains)
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
            // The routed contacts this rule matches.
            let reached = ConditionForm.conjunction([form, routed])
            var budget = Self.budget
            if routed.implies(form, budget: &budget) { catchAll = index }
            if reached.isNever {
                warnings.append(ValidationIssue(path, "never fires: its condition holds for no contact"))
                continue
            }
            budget = Self.budget
            if let shadow = forms[..<index].firstIndex(where: { reached.implies($0, budget: &budget) }) {
                warnings.append(ValidationIssue(path, "never fires: every contact it matches is matched first by \(name(rules, shadow))"))
            } else if index > 1, reached.implies(earlier, budget: &budget) {
                warnings.append(ValidationIssue(path, "never fires: every contact it matches is matched first by one of the rules before it"))
            }
        }
        return warnings
    }

    /// The condition every routed contact meets: each of `alwaysPresent` has a value.
    static func routedContact(_ domains: FactDomains) -> ConditionForm {
        .conjunction(alwaysPresent.map { fact in
            let absent = domains.absentCode(of: fact)
            return .comparison(fact, CodeSet(count: domains.size(of: fact)) { $0 != absent })
        })
    }

    private static func name(_ rules: [Rule], _ index: Int) -> String {
        "rules[\(index)] (\(rules[index].id))"
    }
}
