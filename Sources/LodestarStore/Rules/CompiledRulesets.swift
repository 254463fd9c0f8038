public import LodestarCore
public import Loop

/// Compiled rulesets by version, compiled once per process: a version never changes once
/// stored, so a compiled form is good for the life of the process.
@LoopActor
public final class CompiledRulesets {
    private let store: RulesetStore
    private var byVersion: [Int: CompiledRuleset] = [:]

    init(store: RulesetStore) { self.store = store }

    /// The compiled ruleset of `version`; nil when no such version is stored.
    public func compiled(_ version: Int) async throws -> CompiledRuleset? {
        if let compiled = byVersion[version] { return compiled }
        guard let stored = try await store.ruleset(version) else { return nil }
        return try compile(stored)
    }

    /// Compiles a stored document (it was valid when stored) and keeps it.
    func compile(_ stored: StoredRuleset) throws -> CompiledRuleset {
        if let compiled = byVersion[stored.version] { return compiled }
        let compiled = try Ruleset(validating: stored.document).compiled()
        byVersion[stored.version] = compiled
        return compiled
    }
}
