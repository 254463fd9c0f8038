import HTTP

/// `GET /metrics` (SPEC §2): Prometheus text format, no authentication, like the health checks
/// (a scraper calls it). Labels are methods, route patterns and statuses, never a path or id;
/// the overdue sweep's and the signal sweep's figures follow.
enum MetricsRoutes {
    static func register(in builder: inout PipelineBuilder<APIRequestContext>, metrics: RequestMetrics, overdueSweeper: OverdueSweeper,
                         signalSweeper: SignalSweeper) {
        builder.add("GET", "/metrics", access: .anyone) { _, _ in
            .text(metrics.prometheusText() + overdueSweeper.machine.prometheusText + signalSweeper.machine.prometheusText, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
