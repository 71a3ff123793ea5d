package blackbox.gateway.grpc;

import blackbox.gateway.v1.ExecutionReportMessage;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One StreamExecutionReports call: a cursor into the {@link ExecutionReportLog}, drained by a task serialized by a
 * work-in-progress counter while the transport {@code isReady()} — the flow-controlled approach of
 * {@code platform}'s {@code FlowControlledStream}, but reading the shared log instead of a queue of its own, so a
 * replay after a reconnect costs no copy and a slow client costs no memory. A client that falls further behind than
 * the log holds ends with RESOURCE_EXHAUSTED and may resume from the last sequence it got.
 */
final class ReportStream {
    private final ServerCallStreamObserver<ExecutionReportMessage> observer;
    private final ExecutionReportLog log;
    private final Executor executor;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private long cursor;          // drain thread only (and the constructor)
    private long lastSent;        // sequence of the last report sent
    private final ArrayDeque<ExecutionReportMessage> first; // sent before the log: a gap, the routing state at start
    private boolean done;

    ReportStream(ServerCallStreamObserver<ExecutionReportMessage> observer, ExecutionReportLog log, Executor executor,
                 long cursor, long lastSent, List<ExecutionReportMessage> first) {
        this.observer = observer;
        this.log = log;
        this.executor = executor;
        this.cursor = cursor;
        this.lastSent = lastSent;
        this.first = new ArrayDeque<>(first);
        observer.setOnReadyHandler(this::signal);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            log.remove(this);
        });
    }

    void signal() {
        if (wip.getAndIncrement() == 0) executor.execute(this::drain);
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                if (!done) {
                    if (cancelled) {
                        done = true;
                    } else {
                        while (!first.isEmpty() && observer.isReady()) observer.onNext(first.poll());
                        while (first.isEmpty() && observer.isReady() && cursor < log.head()) {
                            ExecutionReportLog.Entry e = log.get(cursor);
                            if (e == null) {
                                done = true;
                                log.remove(this);
                                observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("client too slow: more than "
                                        + log.capacity() + " reports behind; resume with session_id=" + log.sessionId()
                                        + " after_sequence=" + lastSent).asRuntimeException());
                                break;
                            }
                            observer.onNext(e.message());
                            if (e.message().hasReport()) lastSent = e.message().getReport().getSequence();
                            cursor++;
                        }
                    }
                }
            } catch (RuntimeException e) {
                done = true; // the call was cancelled under us
                log.remove(this);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
