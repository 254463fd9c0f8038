/// The method as logs and metrics name it: one of the standard methods, else `OTHER`, so a
/// client inventing methods cannot grow the metrics without bound.
enum MethodLabel {
    static func of(_ method: String) -> String {
        switch method {
        case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS": method
        default: "OTHER"
        }
    }
}
