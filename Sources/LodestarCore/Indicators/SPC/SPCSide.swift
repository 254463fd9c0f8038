/// Where a value lies against a reference (the centre, a limit, the previous point).
///
/// Values within a billionth (relative) of the reference count as on it: means and
/// proportions computed in different orders differ in their last bits, and a point meant to
/// sit on the centre line must break a shift wherever its figures were summed.
enum SPCSide: Sendable, Hashable {
    case above, on, below

    init(_ value: Double, against reference: Double) {
        let tolerance = 1e-9 * max(1, abs(value), abs(reference))
        if value > reference + tolerance {
            self = .above
        } else if value < reference - tolerance {
            self = .below
        } else {
            self = .on
        }
    }
}
