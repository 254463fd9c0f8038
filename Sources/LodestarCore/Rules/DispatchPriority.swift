/// How fast a response must come (SPEC §4, §5): carried by every routing decision and by the
/// dispatch a decision creates; the dispatch queue serves `emergent` first.
public enum DispatchPriority: String, Vocabulary {
    case emergent, urgent, routine
}
