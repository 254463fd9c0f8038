import HTTP

/// What parsing a whole input produced: the events before the end of input or the first error.
struct ParseOutcome: Sendable {
    var events: [RequestParserEvent] = []
    var error: HTTPParseError?

    /// The body bytes of all `.body` events, concatenated.
    var body: [UInt8] {
        events.flatMap { event -> [UInt8] in
            if case .body(let bytes) = event { return bytes }
            return []
        }
    }

    /// The heads, in order.
    var heads: [RequestHead] {
        events.compactMap { event in
            if case .head(let head) = event { return head }
            return nil
        }
    }

    /// Events with adjacent body pieces merged, so outcomes compare equal however input was split.
    var normalized: [RequestParserEvent] {
        var merged: [RequestParserEvent] = []
        for event in events {
            if case .body(let more) = event, case .body(let previous)? = merged.last {
                merged[merged.count - 1] = .body(previous + more)
            } else {
                merged.append(event)
            }
        }
        return merged
    }
}

/// Feeds `input` to a fresh parser in pieces of `pieceSize` bytes (all at once when nil),
/// draining events after each piece, and stops at the first error.
func parse(_ input: String, limits: HTTPLimits = HTTPLimits(), pieceSize: Int? = nil) -> ParseOutcome {
    parse(Array(input.utf8), limits: limits, pieceSize: pieceSize)
}

/// Byte-level variant of `parse(_:limits:pieceSize:)`, for inputs that are not valid UTF-8.
func parse(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits(), pieceSize: Int? = nil) -> ParseOutcome {
    var parser = RequestParser(limits: limits)
    var outcome = ParseOutcome()
    var offset = 0
    repeat {
        let end = min(bytes.count, offset + (pieceSize ?? bytes.count))
        parser.append(Array(bytes[offset..<end]))
        offset = end
        do {
            while let event = try parser.next() { outcome.events.append(event) }
        } catch {
            outcome.error = error
            return outcome
        }
    } while offset < bytes.count
    return outcome
}
