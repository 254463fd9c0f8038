import HTTP
import Loop
import Testing

/// Request counts and latencies by method, route pattern and status, and their Prometheus text.
@Suite struct RequestMetricsTests {
    init() { EventLoop.startInBackground() }

    @Test @LoopActor func requestsAreCountedPerSeriesWithTheirLatencies() {
        let metrics = RequestMetrics(bucketBounds: [0.01, 0.1])
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 200, duration: .milliseconds(5))
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 200, duration: .milliseconds(10))
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 200, duration: .milliseconds(50))
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 404, duration: .seconds(3))
        metrics.record(method: "BREW", route: "unmatched", status: 405, duration: .zero)
        let series = metrics.series
        #expect(series.map(\.key) == [
            .init(method: "GET", route: "/v1/contacts/{contact_id}", status: 200),
            .init(method: "GET", route: "/v1/contacts/{contact_id}", status: 404),
            .init(method: "OTHER", route: "unmatched", status: 405),
        ])
        #expect(series[0].count == 3)
        #expect(abs(series[0].sumSeconds - 0.065) < 1e-9)
        // A latency on a bound counts in that bucket (Prometheus `le`).
        #expect(series[0].bucketCounts == [2, 1, 0])
        #expect(series[1].bucketCounts == [0, 0, 1])
    }

    @Test @LoopActor func theRegistryRendersAsPrometheusText() {
        let metrics = RequestMetrics(bucketBounds: [0.01, 0.1])
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 200, duration: .milliseconds(5))
        metrics.record(method: "GET", route: "/v1/contacts/{contact_id}", status: 200, duration: .milliseconds(50))
        metrics.record(method: "POST", route: "/v1/events", status: 200, duration: .milliseconds(250))
        let contact = #"method="GET",route="/v1/contacts/{contact_id}",status="200""#
        let events = #"method="POST",route="/v1/events",status="200""#
        #expect(metrics.prometheusText() == """
            # HELP lodestar_http_requests_total HTTP requests answered, by method, route pattern and status.
            # TYPE lodestar_http_requests_total counter
            lodestar_http_requests_total{\(contact)} 2
            lodestar_http_requests_total{\(events)} 1
            # HELP lodestar_http_request_duration_seconds Time from routing a request to its response, by method, route pattern and status.
            # TYPE lodestar_http_request_duration_seconds histogram
            lodestar_http_request_duration_seconds_bucket{\(contact),le="0.01"} 1
            lodestar_http_request_duration_seconds_bucket{\(contact),le="0.1"} 2
            lodestar_http_request_duration_seconds_bucket{\(contact),le="+Inf"} 2
            lodestar_http_request_duration_seconds_sum{\(contact)} 0.055
            lodestar_http_request_duration_seconds_count{\(contact)} 2
            lodestar_http_request_duration_seconds_bucket{\(events),le="0.01"} 0
            lodestar_http_request_duration_seconds_bucket{\(events),le="0.1"} 0
            lodestar_http_request_duration_seconds_bucket{\(events),le="+Inf"} 1
            lodestar_http_request_duration_seconds_sum{\(events)} 0.25
            lodestar_http_request_duration_seconds_count{\(events)} 1

            """)
    }

    @Test @LoopActor func labelValuesAreEscaped() {
        let metrics = RequestMetrics(bucketBounds: [1])
        metrics.record(method: "GET", route: "/a\"b\\c\nd", status: 200, duration: .zero)
        #expect(metrics.prometheusText().contains(#"route="/a\"b\\c\nd""#))
    }

    @Test @LoopActor func theMiddlewareRecordsEveryAnswerByPattern() async {
        let metrics = RequestMetrics()
        var builder = PipelineBuilder<TestContext>()
        builder.add(middleware: MetricsMiddleware(metrics: metrics))
        builder.add("GET", "/v1/contacts/{contact_id}") { _, _ in .text("ok") }
        builder.add("POST", "/v1/contacts/{contact_id}") { _, _ in throw Problem(status: 409, detail: "No.") }
        let pipeline = builder.freeze()
        _ = await pipeline.respond(to: .make("/v1/contacts/555-867-5309"))
        _ = await pipeline.respond(to: .make("/v1/contacts/555-867-5310"))
        _ = await pipeline.respond(to: .make("POST", "/v1/contacts/555-867-5309"))
        _ = await pipeline.respond(to: .make("/v1/other/555-867-5309"))
        #expect(metrics.series.map { "\($0.key.method) \($0.key.route) \($0.key.status) \($0.count)" } == [
            "GET /v1/contacts/{contact_id} 200 2",
            "POST /v1/contacts/{contact_id} 409 1",
            "GET unmatched 404 1",
        ])
    }
}
