import PostgresBench

extension PostgresBenchmark.Report {
    /// One `key=value` line, easy for a shell script to pick apart with awk.
    ///
    /// `unit` names the operations (queries, writes) and `per` what `transactions` counted.
    func line(_ name: String, settings: KeyValuePairs<String, Int>, unit: String, per: String) -> String {
        var fields = [name] + settings.map { "\($0.key)=\($0.value)" }
        fields += [
            "\(unit)=\(operations)", "seconds=\(fixed(seconds, 2))", "per_second=\(Int(perSecond.rounded()))",
            "\(per)=\(transactions)", "mean_batch=\(fixed(meanBatchSize, 1))",
            "p50_ms=\(fixed(p50, 2))", "p99_ms=\(fixed(p99, 2))",
        ]
        return fields.joined(separator: " ")
    }

    private func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = String(scaled / Int(scale))
        guard digits > 0 else { return whole }
        let fraction = String(scaled % Int(scale))
        return whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
