import JSON
import LodestarCore

extension ContactState {
    /// The state a `contacts.fold` column holds; `nil` for a contact written before folds
    /// were stored, or one of another snapshot version, which the caller derives from events.
    init?(storedFold text: String?) {
        guard let text, let json = try? JSON.parse(Array(text.utf8)) else { return nil }
        self.init(snapshot: json)
    }
}
