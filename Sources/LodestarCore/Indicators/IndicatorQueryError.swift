/// A report query parameter the indicator core rejected: which one and the rule it breaks
/// (the API answers 422 naming it). The message never repeats the value sent.
public struct IndicatorQueryError: Error, Sendable, Equatable {
    public var parameter: String
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }
}
