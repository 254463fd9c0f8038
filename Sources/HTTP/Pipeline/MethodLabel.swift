/// The method as logs and metrics name it: one of the standard methods, else `OTHER`, so a
/// client inventing methods cannot grow the metrics without bound.
enum MethodLabel {
    /// Answers with the literals rather than `method` itself: labels compared with labels are
    /// then identical strings, which compare without looking at their bytes.
    static func of(_ method: String) -> String {
        switch method {
        case "GET": "GET"
        case "HEAD": "HEAD"
        case "POST": "POST"
        case "PUT": "PUT"
        case "PATCH": "PATCH"
        case "DELETE": "DELETE"
        case "OPTIONS": "OPTIONS"
        default: "OTHER"
        }
    }
}
