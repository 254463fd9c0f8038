import LodestarCore

extension OverdueSweep {
    /// The sweep's figures in the Prometheus text format, appended to `/metrics`. No labels but
    /// the sweep's outcome: nothing here can name a person or a follow-up.
    var prometheusText: String {
        var out = """
            # HELP lodestar_follow_ups_flagged_overdue_total Follow-ups this process flagged overdue and announced (each follow-up is flagged by one process only).
            # TYPE lodestar_follow_ups_flagged_overdue_total counter
            lodestar_follow_ups_flagged_overdue_total \(flaggedTotal)
            # HELP lodestar_follow_up_sweeps_total Overdue sweeps this process ran, by outcome.
            # TYPE lodestar_follow_up_sweeps_total counter
            lodestar_follow_up_sweeps_total{outcome="ok"} \(completedSweeps)
            lodestar_follow_up_sweeps_total{outcome="failed"} \(failedSweeps)

            """
        if let openOverdue {
            out += """
                # HELP lodestar_follow_ups_overdue_open Open follow-ups past due, as of this process's last overdue sweep.
                # TYPE lodestar_follow_ups_overdue_open gauge
                lodestar_follow_ups_overdue_open \(openOverdue)

                """
        }
        return out
    }
}
