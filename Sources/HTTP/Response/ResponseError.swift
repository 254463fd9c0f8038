/// An error that knows the HTTP response it should become (Hummingbird style): handlers throw
/// it and the server answers with it.
public protocol HTTPResponseError: Error {
    var response: Response { get }
}
