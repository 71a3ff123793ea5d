package blackbox.gateway.trading.e2e;

import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.ResumeGap;
import blackbox.gateway.v1.RoutingState;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects an execution-report stream. */
final class ReportCollector implements StreamObserver<ExecutionReportMessage> {
    private final List<ExecutionReportMessage> messages = new ArrayList<>();
    volatile Throwable error;
    volatile boolean completed;

    @Override
    public synchronized void onNext(ExecutionReportMessage m) {
        messages.add(m);
        notifyAll();
    }

    @Override
    public synchronized void onError(Throwable t) {
        error = t;
        notifyAll();
    }

    @Override
    public synchronized void onCompleted() {
        completed = true;
        notifyAll();
    }

    synchronized List<ExecutionReportMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<ExecutionReport> reports() {
        return messages.stream().filter(ExecutionReportMessage::hasReport).map(ExecutionReportMessage::getReport).toList();
    }

    synchronized List<RoutingState> routingStates() {
        return messages.stream().filter(ExecutionReportMessage::hasRouting).map(ExecutionReportMessage::getRouting).toList();
    }

    synchronized List<ResumeGap> gaps() {
        return messages.stream().filter(ExecutionReportMessage::hasGap).map(ExecutionReportMessage::getGap).toList();
    }

    /** The reports of one order (by idempotency key). */
    List<ExecutionReport> of(String key) {
        return reports().stream().filter(r -> r.getIdempotencyKey().equals(key)).toList();
    }

    /** Waits until {@code condition} holds on the reports so far. */
    synchronized void await(Predicate<List<ExecutionReport>> condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.test(reports())) {
            if (error != null) throw new AssertionError("stream failed while waiting for " + what, error);
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("timed out waiting for " + what + "; have " + reports().size() + " reports: "
                    + reports().stream().map(r -> r.getSequence() + " " + r.getIdempotencyKey() + " " + r.getExecType() + " "
                    + r.getOrdStatus() + " " + r.getCumQty() + "/" + r.getOrderQty() + " " + r.getText()).toList());
            wait(left);
        }
    }
}
