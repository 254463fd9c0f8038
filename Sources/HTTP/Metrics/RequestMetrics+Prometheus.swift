extension RequestMetrics {
    /// The registry in the Prometheus text exposition format (version 0.0.4): the counter
    /// `lodestar_http_requests_total` and the histogram `lodestar_http_request_duration_seconds`,
    /// each labelled by `method`, `route` and `status`.
    public func prometheusText() -> String {
        let all = series
        var out = """
            # HELP lodestar_http_requests_total HTTP requests answered, by method, route pattern and status.
            # TYPE lodestar_http_requests_total counter

            """
        for series in all {
            out += "lodestar_http_requests_total{\(Self.labels(series.key))} \(series.count)\n"
        }
        out += """
            # HELP lodestar_http_request_duration_seconds Time from routing a request to its response, by method, route pattern and status.
            # TYPE lodestar_http_request_duration_seconds histogram

            """
        for series in all {
            let labels = Self.labels(series.key)
            var cumulative = 0
            for (index, bound) in bucketBounds.enumerated() {
                cumulative += series.bucketCounts[index]
                out += "lodestar_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "lodestar_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(series.count)\n"
            out += "lodestar_http_request_duration_seconds_sum{\(labels)} \(series.sumSeconds)\n"
            out += "lodestar_http_request_duration_seconds_count{\(labels)} \(series.count)\n"
        }
        return out
    }

    private static func labels(_ key: RequestSeries.Key) -> String {
        "method=\"\(escaped(key.method))\",route=\"\(escaped(key.route))\",status=\"\(key.status)\""
    }

    /// A label value with `\`, `"` and line feeds escaped, as the format requires.
    static func escaped(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
