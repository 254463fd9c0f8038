import JSON

extension RulesetValidation {
    /// The longest `follow_up` accepted: a follow-up due more than a year later is a typo.
    static let maxFollowUp = ISODuration(seconds: 365 * 86_400)

    /// Reads a `then`: a consequence, or (unless inside an arm) `{"experiment": ...}`.
    static func outcome(_ value: JSONValue, at path: JSONPath, experiments: inout ExperimentRegistry,
                        reader: inout FieldReader) -> RuleOutcome? {
        guard let object = reader.object(value, at: path) else { return nil }
        guard object.contains("experiment") else {
            return consequence(object, at: path, reader: &reader).map(RuleOutcome.fixed)
        }
        reader.rejectUnknownMembers(of: object, allowed: ["experiment"], at: path)
        guard let experiment = reader.value(object, "experiment", at: path, required: true) else { return nil }
        return self.experiment(experiment, at: path.member("experiment"), registry: &experiments, reader: &reader)
            .map(RuleOutcome.experiment)
    }

    /// `{"action", "priority"?, "requires"?, "follow_up"?}`; the priority defaults by action.
    static func consequence(_ object: JSONObject, at path: JSONPath, reader: inout FieldReader) -> RuleConsequence? {
        let issuesBefore = reader.issues.count
        reader.rejectUnknownMembers(of: object, allowed: ["action", "priority", "requires", "follow_up"], at: path)
        let action = reader.choice(object, "action", at: path, required: true, as: RoutingAction.self)
        let priority = reader.choice(object, "priority", at: path, as: DispatchPriority.self)
        let requires = capabilities(object, at: path, reader: &reader)
        if !requires.isEmpty, let action, action != .dispatchMobileTeam {
            reader.report(path.member("requires"), "applies only to the action dispatch_mobile_team")
        }
        let followUp = reader.duration(object, "follow_up", at: path)
        if let followUp, followUp.seconds == 0 || followUp > maxFollowUp {
            reader.report(path.member("follow_up"), "must be longer than zero and at most P365D")
        }
        guard let action, reader.issues.count == issuesBefore else { return nil }
        return RuleConsequence(action: action, priority: priority ?? action.defaultPriority, requires: requires,
                               followUp: followUp)
    }

    /// `requires`: capability names, each kept once in the order first written.
    private static func capabilities(_ object: JSONObject, at path: JSONPath, reader: inout FieldReader) -> [String] {
        guard let value = reader.value(object, "requires", at: path, required: false) else { return [] }
        let requiresPath = path.member("requires")
        guard case .array(let items) = value else {
            reader.report(requiresPath, "must be an array of capability names")
            return []
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let name) = item, CapabilityName.isValid(name) else {
                reader.report(requiresPath.element(index),
                              "must be a capability name: a lowercase letter, then lowercase letters, digits, _ or -, at most \(CapabilityName.maxLength)")
                continue
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
