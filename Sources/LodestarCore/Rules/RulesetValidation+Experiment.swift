import JSON

extension RulesetValidation {
    /// `{"id", "arms": [{"name", "weight", "then"}]}`: at least one arm, names unique, weights
    /// positive integers, each arm's `then` a consequence (experiments do not nest).
    static func experiment(_ value: JSONValue, at path: JSONPath, registry: inout ExperimentRegistry,
                           reader: inout FieldReader) -> RuleExperiment? {
        guard let object = reader.object(value, at: path) else { return nil }
        let issuesBefore = reader.issues.count
        reader.rejectUnknownMembers(of: object, allowed: ["id", "arms"], at: path)
        let id = reader.text(object, "id", at: path, required: true)
        let armsPath = path.member("arms")
        guard case .array(let items)? = object["arms"], !items.isEmpty else {
            reader.report(armsPath, "must be a non-empty array of arms")
            return nil
        }
        var arms: [RuleExperiment.Arm] = []
        var names: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let armPath = armsPath.element(index)
            guard let arm = reader.object(item, at: armPath) else { continue }
            reader.rejectUnknownMembers(of: arm, allowed: ["name", "weight", "then"], at: armPath)
            let name = reader.text(arm, "name", at: armPath, required: true)
            if let name, let first = names[name] {
                reader.report(armPath.member("name"), "repeats the name of arms[\(first)]")
            } else if let name {
                names[name] = index
            }
            let weight = reader.integer(arm, "weight", at: armPath, in: 1...1_000_000, required: true)
            let consequence = armConsequence(arm, at: armPath, reader: &reader)
            if let name, let weight, let consequence {
                arms.append(RuleExperiment.Arm(name: name, weight: Int(weight), consequence: consequence))
            }
        }
        guard let id, reader.issues.count == issuesBefore else { return nil }
        let experiment = RuleExperiment(id: id, arms: arms)
        registry.check(experiment, at: armsPath, reader: &reader)
        return experiment
    }

    private static func armConsequence(_ arm: JSONObject, at path: JSONPath, reader: inout FieldReader) -> RuleConsequence? {
        guard let then = reader.value(arm, "then", at: path, required: true) else { return nil }
        let thenPath = path.member("then")
        guard let object = reader.object(then, at: thenPath) else { return nil }
        guard !object.contains("experiment") else {
            reader.report(thenPath.member("experiment"), "is not allowed here: experiments do not nest")
            return nil
        }
        return consequence(object, at: thenPath, reader: &reader)
    }
}

/// The experiments a ruleset has named so far. An experiment may appear in several rules (a
/// study across regions, say), but always with the same arms and weights: otherwise a
/// contact's arm would depend on which rule it met.
struct ExperimentRegistry {
    private var seen: [String: (arms: [String], weights: [Int], path: JSONPath)] = [:]

    mutating func check(_ experiment: RuleExperiment, at path: JSONPath, reader: inout FieldReader) {
        let arms = experiment.arms.map { $0.name }
        let weights = experiment.arms.map { $0.weight }
        guard let first = seen[experiment.id] else {
            seen[experiment.id] = (arms, weights, path)
            return
        }
        if first.arms != arms || first.weights != weights {
            reader.report(path, "must have the same arm names and weights, in the same order, as the same experiment at \(first.path)")
        }
    }
}
