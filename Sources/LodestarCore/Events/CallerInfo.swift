/// What the caller chose to tell about themselves; every part is optional.
///
/// This is personal data: it may be stored and reported in aggregate, never logged or echoed
/// in an error.
public struct CallerInfo: Sendable, Hashable {
    /// 0...130
    public var age: Int?
    public var gender: String?
    public var raceEthnicity: String?
    public var zip: String?

    public init(age: Int? = nil, gender: String? = nil, raceEthnicity: String? = nil, zip: String? = nil) {
        self.age = age
        self.gender = gender
        self.raceEthnicity = raceEthnicity
        self.zip = zip
    }
}
