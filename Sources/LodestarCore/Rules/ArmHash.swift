/// Places a contact in an experiment's arm: a fixed function of the experiment id and the
/// contact id, so a re-assessment (or a replay, or another process) finds the same arm.
///
/// The hash is FNV-1a 64 over the UTF-8 of the experiment id, a zero byte (which neither id
/// may contain) and the contact id, then the MurmurHash3 64-bit finaliser, whose avalanche
/// spreads ids that differ in their last character (FNV-1a alone barely moves its high bits
/// for them). The result is scaled to `[0, total)` by its high bits. Changing any of this
/// would move running experiments' contacts between arms: the function must stay as it is.
enum ArmHash {
    /// A point in `0..<total` for the pair; arms own consecutive stretches by weight.
    static func point(experimentID: String, contactID: String, total: UInt64) -> UInt64 {
        let hash = fnv1a(contactID.utf8, from: fnv1a(CollectionOfOne(0), from: fnv1a(experimentID.utf8)))
        return finalised(hash).multipliedFullWidth(by: total).high
    }

    static func fnv1a(_ bytes: some Sequence<UInt8>, from start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// MurmurHash3's `fmix64`.
    static func finalised(_ hash: UInt64) -> UInt64 {
        var mixed = hash
        mixed ^= mixed >> 33
        mixed &*= 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        mixed &*= 0xc4ce_b9f3_fe1a_85ec
        return mixed ^ mixed >> 33
    }
}
