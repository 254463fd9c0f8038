import LodestarCore

/// Who may call a route, declared where the route is registered.
enum RouteAccess: Sendable {
    /// Anyone, without a token (`/healthz`, `/readyz`).
    case anyone
    /// A bearer token of one of these roles; admins may use every such route (SPEC §1).
    case roles(Set<Role>)
}
