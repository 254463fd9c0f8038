import HTTP
import JSON
import LodestarCore
import LodestarStore
import Time

/// `POST /v1/routing/simulate` and `POST /v1/routing/replay` (manager; SPEC §5): a ruleset
/// tried on a contact with every rule's verdict, and a ruleset replayed over the contacts of a
/// window. Neither changes anything. A simulated contact that names a `region` but no
/// `region_type` has its region's described type (urban when undescribed), as in routing; it
/// states `hour_of_day` and `day_of_week` itself (a simulation takes no time to read them at).
enum RoutingRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, context: APIContext) {
        builder.add("POST", "/v1/routing/simulate", access: .roles([.manager])) { request, _ in
            try QueryReader.rejectAny(in: request)
            let body = try request.jsonBody()
            var reader = FieldReader()
            guard let object = reader.object(body, at: .root) else { throw validation(reader) }
            reader.rejectUnknownMembers(of: object, allowed: ["ruleset", "contact"], at: .root)
            let facts = reader.value(object, "contact", at: .root, required: true).flatMap {
                RoutingFacts.read(simulated: $0, at: JSONPath.root.member("contact"), reader: &reader)
            }
            var documentIssues: [ValidationIssue] = []
            let chosen = try await ruleset(object["ruleset"], reader: &reader, documentIssues: &documentIssues, context: context)
            guard reader.issues.isEmpty, documentIssues.isEmpty, var facts, let (version, compiled) = chosen else {
                throw validation(reader, documentIssues)
            }
            // A region named without its type has the type routing would read for it.
            if facts.regionType == nil {
                facts = facts.derivingRegionType(from: try await context.database.regions.profile(of: facts.region))
            }
            let explanation = compiled.explain(facts)
            var decision = DecisionJSON.json(contactID: facts.contactID, rulesetVersion: version, decision: explanation.decision)
            if case .object(var members) = decision {
                // Facts without a contact id describe no contact in particular.
                if facts.contactID.isEmpty { members["contact_id"] = .null }
                if !explanation.decision.requires.isEmpty {
                    members["requires"] = .array(explanation.decision.requires.map(JSONValue.string))
                }
                // Nothing is created by a simulation: the follow-up it would create, as a duration.
                if let followUp = explanation.decision.followUp, facts.consentFollowUp != false {
                    members["follow_up_within"] = .string(followUp.iso8601)
                }
                decision = .object(members)
            }
            let trials: [JSONValue] = explanation.trials.map { trial in
                var members: [(String, JSONValue)] = [("rule_id", .string(trial.ruleID)), ("matched", .bool(trial.matched))]
                if let failed = trial.failed { members.append(("failed", failed)) }
                return .object(JSONObject(members))
            }
            return .json(["decision": decision, "explanation": .array(trials)])
        }

        builder.add("POST", "/v1/routing/replay", access: .roles([.manager])) { request, requestContext in
            try QueryReader.rejectAny(in: request)
            let principal = try requestContext.principal
            let body = try request.jsonBody()
            var reader = FieldReader()
            guard let object = reader.object(body, at: .root) else { throw validation(reader) }
            reader.rejectUnknownMembers(of: object, allowed: ["version", "from", "to"], at: .root)
            let version = reader.integer(object, "version", at: .root, in: 1...Int64(Int32.max), required: true).map { Int($0) }
            let from = reader.timestamp(object, "from", at: .root, required: true)
            let to = reader.timestamp(object, "to", at: .root, required: true)
            if let from, let to, to <= from { reader.report(JSONPath.root.member("to"), "must be after from") }
            var compiled: CompiledRuleset?
            if let version {
                compiled = try await context.database.compiledRulesets.compiled(version)
                if compiled == nil { reader.report(JSONPath.root.member("version"), "no ruleset has this version") }
            }
            guard reader.issues.isEmpty, let version, let compiled, let from, let to else { throw validation(reader) }
            let replay = try await RoutingReplay.run(compiled, version: version, from: from, to: to,
                                                     database: context.database, actor: principal.name)
            return .json(replay.json)
        }
    }

    /// The ruleset a simulation asks for: absent, the active one; a number, that version; an
    /// object, a document validated on the spot (errors under `ruleset`).
    private static func ruleset(_ value: JSONValue?, reader: inout FieldReader, documentIssues: inout [ValidationIssue],
                                context: APIContext) async throws -> (Int?, CompiledRuleset)? {
        let path = JSONPath.root.member("ruleset")
        switch value {
        case nil, .null?:
            guard let active = try await context.database.rulesets.active() else {
                reader.report(path, "is required: no ruleset is active")
                return nil
            }
            return try await context.database.compiledRulesets.compiled(active.version).map { (active.version, $0) }
        case .int(let number)?:
            guard (1...Int64(Int32.max)).contains(number),
                  let compiled = try await context.database.compiledRulesets.compiled(Int(number))
            else {
                reader.report(path, "no ruleset has this version")
                return nil
            }
            return (Int(number), compiled)
        case .object?:
            do throws(ValidationFailure) {
                return (nil, try Ruleset(validating: value!).compiled())
            } catch {
                documentIssues = error.issues.map { issue in
                    let nested = issue.path.isEmpty ? "ruleset" : issue.path.hasPrefix("[") ? "ruleset" + issue.path : "ruleset." + issue.path
                    return ValidationIssue(path: nested, message: issue.message)
                }
                return nil
            }
        default:
            reader.report(path, "must be a ruleset version or a ruleset document")
            return nil
        }
    }

    private static func validation(_ reader: FieldReader, _ more: [ValidationIssue] = []) -> Problem {
        Problem.validation((reader.issues + more).map { (path: $0.path, message: $0.message) })
    }
}
