package blackbox.gateway.trading;

/** Receives the reports a derivation step produces, in order. */
@FunctionalInterface
public interface ReportSink {
    void accept(ExecReport report);
}
