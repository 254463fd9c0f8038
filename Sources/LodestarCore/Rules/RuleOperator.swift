/// How a rule compares a fact with its `value` (SPEC §5).
///
/// A comparison on a fact the contact lacks is false, `ne` and `not_in` included; `exists`
/// tests presence (`"value": false` tests absence). `in` and `not_in` take a non-empty array.
/// `contains` tests whether the list fact `flags` holds one flag.
public enum RuleOperator: String, Vocabulary {
    case eq, ne
    case `in`
    case notIn = "not_in"
    case lt, lte, gt, gte, contains, exists
}
