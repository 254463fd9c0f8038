/// One depth-first walk of the route trie for a request: literal children first, then the
/// parameter child, stopping at the first node with a route for the method.
struct RouteSearch {
    let method: String
    /// Parameter segments captured on the current branch.
    private(set) var captures: [Substring] = []
    /// The route found and its captures.
    private(set) var found: (RouteNode.Route, [Substring])?
    /// The sorted method lists of nodes that matched the path but not the method.
    private(set) var allowed: [[String]] = []

    init(method: String) {
        self.method = method
    }

    /// The methods for a 405: the union of every path-matching node's methods, sorted.
    var allowedMethods: [String] {
        allowed.count == 1 ? allowed[0] : Set(allowed.joined()).sorted()
    }

    /// Walks from `nodeIndex` with `rest` of the path left (nil: the path is used up). True when
    /// a route for the method was found.
    mutating func visit(_ nodeIndex: Int, _ rest: Substring?, in nodes: [RouteNode]) -> Bool {
        let node = nodes[nodeIndex]
        guard let rest else {
            if let route = node.route(for: method) {
                found = (route, captures)
                return true
            }
            if !node.allowedMethods.isEmpty { allowed.append(node.allowedMethods) }
            return false
        }
        let slash = rest.utf8.firstIndex(of: ASCII.slash)
        let segment = rest[..<(slash ?? rest.endIndex)]
        let remainder = slash.map { rest[rest.utf8.index(after: $0)...] }
        if let child = node.literals[segment], visit(child, remainder, in: nodes) {
            return true
        }
        if let child = node.parameter, !segment.isEmpty {
            captures.append(segment)
            if visit(child, remainder, in: nodes) { return true }
            captures.removeLast()
        }
        return false
    }
}
