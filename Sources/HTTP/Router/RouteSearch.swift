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

    /// The route for `method` and `path`, naming its handler by index. Not generic over the
    /// handler: the router's generic `match` ran unspecialised, through runtime type metadata,
    /// so it now only looks the handler up.
    static func match(method: String, path: String, in nodes: [RouteNode]) -> RouteMatch<Int> {
        guard path.utf8.first == ASCII.slash else { return .notFound }
        // Sliced at the byte after the slash: `dropFirst()` walked the string's indices.
        let rest = path[path.utf8.index(after: path.startIndex)...]
        var search = RouteSearch(method: method)
        guard search.visit(0, rest.isEmpty ? nil : rest, in: nodes) else {
            return search.allowed.isEmpty ? .notFound : .methodNotAllowed(allow: search.allowedMethods)
        }
        guard let (route, captures) = search.found else { return .notFound }
        var parameters = PathParameters()
        for (name, raw) in zip(route.parameterNames, captures) {
            // A value that does not decode to UTF-8 cannot name anything we store.
            guard let value = PercentDecoding.decode(raw) else { return .notFound }
            parameters.append(name: name, value: value)
        }
        return .found(route.handlerIndex, parameters, pattern: route.pattern)
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
