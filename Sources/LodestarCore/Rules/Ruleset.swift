public import JSON

/// A valid routing ruleset (SPEC §5): a decision table tried in order, first hit wins.
///
/// Validation is strict and reports every problem with its path (`rules[2].when.all[0].fact`):
/// unknown members at any level, unknown facts, operators a fact does not take, values
/// outside a fact's vocabulary or range, bad durations, unknown actions, misspelt
/// capabilities, repeated rule ids and arm names, arms without positive weights. The last
/// rule must match every contact (`{"all": []}`, or any condition that provably always
/// holds, such as `{"not": {"any": []}}`): it is the default that guarantees a decision.
/// Rules that can never fire are warnings, not errors (`warnings`).
///
/// Defaults: a rule's priority is its action's `defaultPriority`; `dispatch` is
/// `auto_assign: true` with no ETA bound. Compile with `compiled()` to decide.
public struct Ruleset: Sendable {
    public let name: String
    public let dispatch: DispatchSettings
    /// The document exactly as submitted, for `GET /v1/rulesets/{version}`.
    public let document: JSONValue
    /// Each rule that can never fire, at its path (`rules[3]`), with the reason.
    public let warnings: [ValidationIssue]
    let rules: [Rule]

    /// The rule ids, in order.
    public var ruleIDs: [String] { rules.map { $0.id } }

    /// Validates a ruleset document, throwing every problem found.
    public init(validating document: JSONValue) throws(ValidationFailure) {
        var reader = FieldReader()
        guard let object = reader.object(document, at: .root) else { throw ValidationFailure(issues: reader.issues) }
        reader.rejectUnknownMembers(of: object, allowed: ["name", "rules", "dispatch"], at: .root)
        let name = reader.text(object, "name", at: .root, required: true)
        let rules = RulesetValidation.rules(object, reader: &reader)
        let dispatch = RulesetValidation.dispatch(object, reader: &reader)
        guard reader.issues.isEmpty, let name, let rules else { throw ValidationFailure(issues: reader.issues) }
        self.name = name
        self.rules = rules
        self.dispatch = dispatch
        self.document = document
        warnings = RuleReachability.warnings(for: rules, domains: FactDomains(conditions: rules.map { $0.when }))
    }
}
