/// A risk or need noted during assessment; declaration order is the canonical order.
public enum ContactFlag: String, Vocabulary, Comparable {
    case suicidalIdeation = "suicidal_ideation"
    case attemptInProgress = "attempt_in_progress"
    case meansAccess = "means_access"
    case violenceRisk = "violence_risk"
    case substanceUse = "substance_use"
    case medicalEmergency = "medical_emergency"
    case youth
    case veteran
    case thirdParty = "third_party"

    public static func < (lhs: ContactFlag, rhs: ContactFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
