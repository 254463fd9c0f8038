import JSON

extension RulesetValidation {
    /// What a condition object may be, told apart by its members.
    static let conditionForms = "a condition: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"fact\", \"op\", \"value\"}"

    /// Reads a `when` condition; `nil` when it (or any part of it) is invalid.
    static func condition(_ value: JSONValue, at path: JSONPath, reader: inout FieldReader) -> RuleCondition? {
        guard case .object(let object) = value else {
            reader.report(path, "must be \(conditionForms)")
            return nil
        }
        var forms = ["all", "any", "not"].filter(object.contains)
        if object.contains("fact") || object.contains("op") || object.contains("value") { forms.append("fact") }
        guard forms.count == 1, let form = forms.first else {
            reader.report(path, forms.isEmpty ? "must be \(conditionForms)" : "must hold only one of all, any, not or fact/op/value")
            return nil
        }
        switch form {
        case "all", "any":
            reader.rejectUnknownMembers(of: object, allowed: [form], at: path)
            guard let children = conditions(object[form], at: path.member(form), reader: &reader) else { return nil }
            return RuleCondition(form: form == "all" ? .all(children) : .any(children), source: value)
        case "not":
            reader.rejectUnknownMembers(of: object, allowed: ["not"], at: path)
            guard let inner = object["not"], let child = condition(inner, at: path.member("not"), reader: &reader) else {
                return nil
            }
            return RuleCondition(form: .not(child), source: value)
        default:
            return comparison(object, at: path, reader: &reader).map { RuleCondition(form: .test($0), source: value) }
        }
    }

    /// The operands of `all` or `any`: an array, possibly empty, of conditions.
    private static func conditions(_ value: JSONValue?, at path: JSONPath, reader: inout FieldReader) -> [RuleCondition]? {
        guard case .array(let items)? = value else {
            reader.report(path, "must be an array of conditions")
            return nil
        }
        var children: [RuleCondition] = []
        for (index, item) in items.enumerated() {
            if let child = condition(item, at: path.element(index), reader: &reader) { children.append(child) }
        }
        return children.count == items.count ? children : nil
    }

    /// A `{"fact", "op", "value"}` comparison: a known fact, an operator that fact takes, and a
    /// value of the fact's kind. The value is checked only once fact and operator are known.
    private static func comparison(_ object: JSONObject, at path: JSONPath, reader: inout FieldReader) -> FactTest? {
        reader.rejectUnknownMembers(of: object, allowed: ["fact", "op", "value"], at: path)
        let fact = reader.choice(object, "fact", at: path, required: true, as: RoutingFact.self)
        let op = reader.choice(object, "op", at: path, required: true, as: RuleOperator.self)
        guard let fact, let op else { return nil }
        guard fact.operators.contains(op) else {
            let allowed = fact.operators.map { $0.rawValue }.joined(separator: ", ")
            reader.report(path.member("op"), "must be one of \(allowed) for the fact \(fact.rawValue)")
            return nil
        }
        return operand(of: object, for: fact, op, at: path, reader: &reader).map { FactTest(fact: fact, op: op, operand: $0) }
    }

    private static func operand(of object: JSONObject, for fact: RoutingFact, _ op: RuleOperator, at path: JSONPath,
                                reader: inout FieldReader) -> FactTest.Operand? {
        let valuePath = path.member("value")
        if op == .exists {
            guard let value = reader.value(object, "value", at: path, required: false) else { return .presence(true) }
            guard case .bool(let present) = value else {
                reader.report(valuePath, "must be true or false (or left out, meaning true)")
                return nil
            }
            return .presence(present)
        }
        guard let value = reader.value(object, "value", at: path, required: true) else { return nil }
        guard op == .in || op == .notIn else {
            return factValue(value, for: fact, at: valuePath, reader: &reader).map { .values([$0]) }
        }
        guard case .array(let items) = value, !items.isEmpty else {
            reader.report(valuePath, "must be a non-empty array of values for \(fact.rawValue)")
            return nil
        }
        var values: [FactValue] = []
        for (index, item) in items.enumerated() {
            if let value = factValue(item, for: fact, at: valuePath.element(index), reader: &reader) { values.append(value) }
        }
        return values.count == items.count ? .values(values) : nil
    }
}
