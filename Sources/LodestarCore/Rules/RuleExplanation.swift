public import JSON

/// A decision with the reasons for it, for `POST /v1/routing/simulate`.
public struct RuleExplanation: Sendable, Equatable {
    public var decision: RuleDecision
    /// Every rule tried, in order; the last is the one that matched.
    public var trials: [RuleTrial]
}

/// One rule tried for a contact.
public struct RuleTrial: Sendable, Equatable {
    public var ruleID: String
    public var matched: Bool
    /// For a rule that did not match, the first condition that did not hold, as written in
    /// the document: the rule's failing comparison, or within an `all` the first part that
    /// failed (looking inside it in turn), or an `any` none of whose parts held, or a `not`
    /// whose operand held.
    public var failed: JSONValue?

    public init(ruleID: String, matched: Bool, failed: JSONValue? = nil) {
        self.ruleID = ruleID
        self.matched = matched
        self.failed = failed
    }
}
