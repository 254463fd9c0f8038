import HTTP
import LodestarCore

extension APIRequestContext {
    /// The path's identifier of a resource being described (`PUT`): one that breaks the
    /// identifier rule cannot be created, a 422 naming the parameter (a read of such an id is
    /// 404 instead: it names nothing).
    func identifierToDescribe(_ parameter: String) throws(Problem) -> String {
        let id = parameters[parameter] ?? ""
        guard Identifier.isValid(id) else {
            throw Problem.validation([(parameter, "must be 1 to \(Identifier.maxLength) characters without control characters")])
        }
        return id
    }
}
