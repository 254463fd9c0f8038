/// One node of the router's segment trie; nodes refer to each other by index into one array, so the
/// trie is a flat value that can be frozen and shared.
///
/// Not generic: routes name their handler by its index in the router's handler table, so the
/// walk is the same machine code whatever the handlers are (generic code used from another
/// module runs unspecialised, through runtime metadata, and routing cost several times more).
struct RouteNode: Sendable {
    /// A handler registered for a method at this node, with the names its pattern gave the
    /// parameter segments on the way here (different routes may name the same position differently).
    struct Route: Sendable {
        let method: String
        let handlerIndex: Int
        let parameterNames: [String]
        /// The pattern as registered, reported with every match.
        let pattern: String
    }

    /// Children by literal segment, keyed by Substring so matching can look up a slice of the
    /// request path without building a String.
    var literals: [Substring: Int] = [:]
    /// The child reached by a parameter segment, if any route has one here.
    var parameter: Int?
    /// Routes ending at this node; a handful at most, so a linear search beats hashing.
    var routes: [Route] = []
    /// The methods to list in `Allow` for a 405, sorted; filled in by `freeze()`.
    var allowedMethods: [String] = []

    /// The route for `method`; a HEAD request falls back to the GET route (RFC 9110 §9.3.2).
    func route(for method: String) -> Route? {
        if let route = routes.first(where: { $0.method == method }) { return route }
        return method == "HEAD" ? routes.first { $0.method == "GET" } : nil
    }

    /// This node with `allowedMethods` computed: the registered methods, plus HEAD where GET is.
    func frozen() -> RouteNode {
        var node = self
        var methods = Set(routes.map { $0.method })
        if methods.contains("GET") { methods.insert("HEAD") }
        node.allowedMethods = methods.sorted()
        return node
    }
}
