/// How the person reached the crisis line.
public enum Channel: String, Vocabulary {
    case call, text, chat
}
