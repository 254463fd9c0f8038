/// Call latencies of one run, kept whole so percentiles are exact.
struct LatencySamples {
    private var milliseconds: [Double] = []
    private var isSorted = true

    mutating func record(_ elapsed: Duration) {
        milliseconds.append(elapsed.inSeconds * 1000)
        isSorted = false
    }

    /// The sample at fraction `p` of the sorted samples (nearest rank); 0 when there are none.
    mutating func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        if !isSorted { milliseconds.sort(); isSorted = true }
        return milliseconds[min(milliseconds.count - 1, Int(Double(milliseconds.count) * p))]
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var inSeconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
