extension PostgresError {
    /// An error the server reported, with input values redacted from data-exception messages.
    static func server(sqlState: String?, message: String, constraint: String?) -> PostgresError {
        let safe = sqlState?.hasPrefix("22") == true ? redactingQuotedText(message) : message
        return PostgresError(kind: .server, sqlState: sqlState, message: safe, constraint: constraint)
    }

    /// Replaces every double-quoted segment with `"…"`: class 22 messages quote the input
    /// (`invalid input syntax for type integer: "…"`), which may be a caller's data.
    static func redactingQuotedText(_ message: String) -> String {
        var result = ""
        var inQuotes = false
        for character in message {
            if character == "\"" {
                result.append(inQuotes ? "…\"" : "\"")
                inQuotes.toggle()
            } else if !inQuotes {
                result.append(character)
            }
        }
        if inQuotes { result.append("…") }
        return result
    }
}
