extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 split into a day
    /// and a non-negative time of day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
