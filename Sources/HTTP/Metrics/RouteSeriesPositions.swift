/// Where one route's series are in a `RequestMetrics`, by method label and status: found once,
/// then reused. A route sees a handful of method and status pairs, so a linear search over them
/// (integers and short strings) beats hashing the labels for every request.
struct RouteSeriesPositions {
    private var entries: [(method: String, status: Int, position: Int)] = []

    /// The position of the series for `method` (a method label) and `status`, once added.
    func position(method: String, status: Int) -> Int? {
        for entry in entries where entry.status == status && entry.method == method {
            return entry.position
        }
        return nil
    }

    mutating func add(method: String, status: Int, position: Int) {
        entries.append((method: method, status: status, position: position))
    }
}
