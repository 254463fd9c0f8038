extension FactDomains {
    /// The codes for which `test` holds. A comparison never holds for the absent code, so
    /// `ne` and `not_in` mean "present and different"; `exists` is the present codes, or
    /// with `"value": false` the absent one.
    func codes(where test: FactTest) -> CodeSet {
        let fact = test.fact
        let absent = absentCode(of: fact)
        let size = size(of: fact)
        let values: [FactValue]
        switch test.operand {
        case .presence(let present): return CodeSet(count: size) { ($0 != absent) == present }
        case .values(let named): values = named
        }
        let named = values.map { code(of: $0, for: fact) }
        let first = named[0]
        return CodeSet(count: size) { code in
            guard code != absent else { return false }
            switch test.op {
            case .eq, .in: return named.contains(code)
            case .lt: return code < first
            case .lte: return code <= first
            case .gt: return code > first
            case .gte: return code >= first
            case .contains: return code >> first & 1 != 0
            default: return !named.contains(code) // ne, not_in (exists has no values)
            }
        }
    }
}
