extension CompiledRuleset {
    /// The decision for a contact: the outcome of the first rule whose condition holds.
    ///
    /// The last rule is not evaluated: validation proved that it holds for every contact.
    public func decide(_ facts: RoutingFacts) -> RuleDecision {
        let last = rules.count - 1
        let matched = FactCodes(facts, in: domains).withSlots { codes in
            jumps.withUnsafeBufferPointer { jumps in
                words.withUnsafeBufferPointer { words in
                    entries.withUnsafeBufferPointer { entries in
                        (0..<last).first { DecisionProgram.run(from: entries[$0], jumps, words, codes) } ?? last
                    }
                }
            }
        }
        return rules[matched].outcome.decision(for: facts.contactID)
    }

    /// The decision with every rule tried on the way to it and, for each that did not match,
    /// the first condition that did not hold.
    public func explain(_ facts: RoutingFacts) -> RuleExplanation {
        FactCodes(facts, in: domains).withSlots { codes in
            var trials: [RuleTrial] = []
            for rule in rules.dropLast() {
                guard let failure = firstFailure(rule.root, codes) else {
                    trials.append(RuleTrial(ruleID: rule.id, matched: true))
                    return RuleExplanation(decision: rule.outcome.decision(for: facts.contactID), trials: trials)
                }
                trials.append(RuleTrial(ruleID: rule.id, matched: false, failed: sources[failure]))
            }
            let last = rules[rules.count - 1]
            trials.append(RuleTrial(ruleID: last.id, matched: true))
            return RuleExplanation(decision: last.outcome.decision(for: facts.contactID), trials: trials)
        }
    }

    /// `nil` if the node holds, else the node to blame (see `RuleTrial.failed`).
    private func firstFailure(_ node: Int, _ codes: UnsafeBufferPointer<Int>) -> Int? {
        guard case .all(let first, let count) = nodes[node] else { return holds(node, codes) ? nil : node }
        for operand in first..<first + count {
            if let failure = firstFailure(operand, codes) { return failure }
        }
        return nil
    }

    private func holds(_ node: Int, _ codes: UnsafeBufferPointer<Int>) -> Bool {
        switch nodes[node] {
        case .mask(let slot, let mask):
            return mask >> UInt64(codes[slot]) & 1 != 0
        case .words(let slot, let offset):
            let code = codes[slot]
            return words[offset + code >> 6] >> UInt64(code & 63) & 1 != 0
        case .all(let first, let count):
            return (first..<first + count).allSatisfy { holds($0, codes) }
        case .any(let first, let count):
            return (first..<first + count).contains { holds($0, codes) }
        case .not(let operand):
            return !holds(operand, codes)
        }
    }
}
