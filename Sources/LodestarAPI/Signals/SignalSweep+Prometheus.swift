import LodestarCore

extension SignalSweep {
    /// The sweep's figures in the Prometheus text format, appended to `/metrics`. No labels but
    /// the sweep's outcome.
    var prometheusText: String {
        """
        # HELP lodestar_spc_signals_announced_total SPC signals this process announced on the stream (each signal is announced by one process only).
        # TYPE lodestar_spc_signals_announced_total counter
        lodestar_spc_signals_announced_total \(announcedTotal)
        # HELP lodestar_signal_sweeps_total Live-signal sweeps this process ran, by outcome.
        # TYPE lodestar_signal_sweeps_total counter
        lodestar_signal_sweeps_total{outcome="ok"} \(completedSweeps)
        lodestar_signal_sweeps_total{outcome="failed"} \(failedSweeps)

        """
    }
}
