/// A syntax check for BCP 47 language tags (RFC 5646), not a registry lookup.
///
/// Accepted: a primary subtag of 2–8 letters (or the private-use `x`/grandfathered `i`
/// prefixes) followed by subtags of 1–8 letters or digits, at most 63 characters in all.
/// Tags are returned in the RFC's recommended case (`es-US`, `zh-Hant-TW`) so reports group
/// `es-us` and `es-US` together.
public enum LanguageTag {
    public static func canonical(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 63 else { return nil }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        var out: [String] = []
        var afterSingleton = false
        for (index, subtag) in subtags.enumerated() {
            guard (1...8).contains(subtag.count), subtag.utf8.allSatisfy(isAlphanumeric) else { return nil }
            let lower = subtag.lowercased()
            if index == 0 {
                let isPrefix = lower == "x" || lower == "i"
                guard isPrefix || (subtag.count >= 2 && subtag.utf8.allSatisfy(isLetter)) else { return nil }
                if isPrefix {
                    guard subtags.count > 1 else { return nil }
                    afterSingleton = true
                }
                out.append(lower)
            } else if subtag.count == 1 {
                afterSingleton = true
                out.append(lower)
            } else if !afterSingleton && subtag.count == 2 && subtag.utf8.allSatisfy(isLetter) {
                out.append(subtag.uppercased())
            } else if !afterSingleton && subtag.count == 4 && subtag.utf8.allSatisfy(isLetter) {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())
            } else {
                out.append(lower)
            }
        }
        if let last = subtags.last, last.count == 1 { return nil }
        return out.joined(separator: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
