import JSON
import LodestarCore
import Testing

@Suite struct SupportTests {
    @Test(arguments: [
        ("en", "en"), ("EN", "en"), ("es-us", "es-US"), ("zh-hant-tw", "zh-Hant-TW"), ("sgn-BE-FR", "sgn-BE-FR"),
        ("x-klingon", "x-klingon"), ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc"), ("de-CH-1901", "de-CH-1901"),
        ("es-419", "es-419"), ("i-klingon", "i-klingon"),
    ])
    func languageTagsAccepted(_ text: String, _ canonical: String) {
        #expect(LanguageTag.canonical(text) == canonical)
    }

    @Test(arguments: ["", "e", "en_US", "en-", "-en", "en--US", "en-toolongsubtag", "1en", "x", "en-a", "español", "en US"])
    func languageTagsRejected(_ text: String) {
        #expect(LanguageTag.canonical(text) == nil)
    }

    @Test func paths() {
        let path = JSONPath.root.member("events").element(3).member("data").member("channel")
        #expect(path.description == "events[3].data.channel")
        #expect(JSONPath.root.member("data").member("a b").description == #"data["a b"]"#)
        let long = JSONPath.root.member(String(repeating: "k", count: 60)).description
        #expect(long == "[\"" + String(repeating: "k", count: 40) + "…\"]")
        #expect(JSONPath.root.member("ctl\u{1}").description == #"["ctl?"]"#)
    }

    @Test func riskLevelsAreOrdered() {
        #expect(RiskLevel.allCases.sorted() == [.none, .low, .moderate, .high, .imminent])
        #expect(RiskLevel.high >= .moderate)
    }
}

@Suite struct FieldReaderTests {
    @Test func durations() {
        var reader = FieldReader()
        let object: JSONObject = ["ok": "PT24H", "years": "P1Y", "number": 5]
        #expect(reader.duration(object, "ok", at: .root)?.seconds == 86_400)
        #expect(reader.duration(object, "years", at: .root) == nil)
        #expect(reader.duration(object, "number", at: .root) == nil)
        #expect(reader.duration(object, "missing", at: .root, required: true) == nil)
        #expect(reader.issues == [
            ValidationIssue(path: "years", message: "must be an ISO 8601 duration, e.g. PT24H: years are not supported (their length varies); use days"),
            ValidationIssue(path: "number", message: "must be an ISO 8601 duration, e.g. PT24H"),
            ValidationIssue(path: "missing", message: "is required"),
        ])
    }
}
