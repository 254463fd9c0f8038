/// How a contact ended.
public enum Disposition: String, Vocabulary {
    case resolved, referred, dispatched, emergency, transferred, other
}
