import JSON

/// The reading of a ruleset document's parts, each reporting its problems to a `FieldReader`.
enum RulesetValidation {
    /// The most rules in one ruleset: enough for any county's table, and a bound on the cost
    /// of validating (finding unreachable rules compares each rule with those before it).
    static let maxRules = 1000

    /// The `rules` array; `nil` if any rule is invalid. Checks the ids are unique and that the
    /// last rule matches every contact.
    static func rules(_ object: JSONObject, reader: inout FieldReader) -> [Rule]? {
        let path = JSONPath.root.member("rules")
        guard let value = reader.value(object, "rules", at: .root, required: true) else { return nil }
        guard case .array(let items) = value, (1...maxRules).contains(items.count) else {
            reader.report(path, "must be an array of 1 to \(maxRules) rules")
            return nil
        }
        var rules: [Rule] = []
        var ids: [String: Int] = [:]
        var experiments = ExperimentRegistry()
        var lastCondition: RuleCondition?
        for (index, item) in items.enumerated() {
            let rulePath = path.element(index)
            guard let object = reader.object(item, at: rulePath) else { continue }
            reader.rejectUnknownMembers(of: object, allowed: ["id", "when", "then"], at: rulePath)
            let id = reader.text(object, "id", at: rulePath, required: true)
            if let id, let first = ids[id] {
                reader.report(rulePath.member("id"), "repeats the id of rules[\(first)]")
            } else if let id {
                ids[id] = index
            }
            let when = reader.value(object, "when", at: rulePath, required: true)
                .flatMap { condition($0, at: rulePath.member("when"), reader: &reader) }
            let then = reader.value(object, "then", at: rulePath, required: true)
                .flatMap { outcome($0, at: rulePath.member("then"), experiments: &experiments, reader: &reader) }
            if index == items.count - 1 { lastCondition = when }
            if let id, let when, let then { rules.append(Rule(id: id, when: when, then: then)) }
        }
        // Whether a condition always holds does not depend on strings other rules name, so
        // the last rule's own domains decide it.
        if let lastCondition, !ConditionForm(lastCondition, domains: FactDomains(conditions: [lastCondition])).isAlways {
            reader.report(path.element(items.count - 1).member("when"),
                          "must match every contact, e.g. {\"all\": []}: the last rule is the default that every contact reaching it gets")
        }
        return rules.count == items.count ? rules : nil
    }

    /// The optional `dispatch` settings.
    static func dispatch(_ object: JSONObject, reader: inout FieldReader) -> DispatchSettings {
        guard let value = reader.value(object, "dispatch", at: .root, required: false) else { return DispatchSettings() }
        let path = JSONPath.root.member("dispatch")
        guard let settings = reader.object(value, at: path) else { return DispatchSettings() }
        reader.rejectUnknownMembers(of: settings, allowed: ["auto_assign", "max_eta_minutes"], at: path)
        return DispatchSettings(autoAssign: reader.bool(settings, "auto_assign", at: path) ?? true,
                                maxETAMinutes: reader.integer(settings, "max_eta_minutes", at: path, in: 1...1440).map { Int($0) })
    }
}
