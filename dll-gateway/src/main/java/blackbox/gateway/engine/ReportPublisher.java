package blackbox.gateway.engine;

import blackbox.gateway.trading.ExecReport;

/** Where the trading engine's output goes (the report log of the gRPC stream). Called on the consumer thread only. */
public interface ReportPublisher {
    /** One execution report; the publisher gives it its sequence number. */
    void report(ExecReport report);

    /** The routing connection changed (or is announced). */
    void routing(boolean connected, int lastResult, long changedNanos, int ordersInDoubt);

    /** End of a batch: wake the streams. */
    void flush();
}
