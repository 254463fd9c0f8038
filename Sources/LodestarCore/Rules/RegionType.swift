/// The settlement type of a service region (SPEC §4); a region never described counts as
/// `urban`.
public enum RegionType: String, Vocabulary {
    case urban, rural, frontier
}
