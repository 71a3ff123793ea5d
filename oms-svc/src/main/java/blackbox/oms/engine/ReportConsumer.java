package blackbox.oms.engine;

import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.core.TradeDates;
import blackbox.oms.gateway.ExecutionReports;
import blackbox.oms.gateway.ReportMapping;
import blackbox.oms.store.OrderBatch;
import blackbox.oms.store.ReportCursor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer of the gateway's {@code StreamExecutionReports} (the lead's decision 5). It resumes after the
 * (session_id, sequence) last committed ({@code oms.report_cursor}, written with the events it led to), so a restart
 * of oms-svc misses nothing and a report seen twice is a no-op (ExecIDs are unique, states idempotent). Each report
 * becomes a core event ({@link ExecutionReports#map}) through the writer; a state read back (ORDER_STATUS) is decided
 * as reconciliation decides one order. A {@code ResumeGap} or a new session_id — the gateway restarted, or this
 * consumer was away longer than the gateway's buffer — puts every account with open orders in doubt, to be
 * reconciled with ListOrders.
 *
 * <p>When the stream ends it reconnects after a back-off (200 ms doubling to 5 s) from the cursor as committed.
 * Thread-safe; messages arrive on gRPC's threads (the writer's bounded queue holds them back when it is behind, and
 * gRPC's flow control then holds the gateway).
 */
public final class ReportConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReportConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Puts every account with open orders in doubt (the app wires it to the gates and the writer's open orders). */
    @FunctionalInterface
    public interface Doubt {
        void allOpenAccounts(String reason);
    }

    private final TradingGrpc.TradingStub stub;
    private final OrderWriter writer;
    private final OrderBatch batch;
    private final Doubt doubt;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-reports-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private volatile String session;
    private volatile boolean connected;
    private volatile boolean routingConnected;
    private volatile long lastMessageNanos = System.nanoTime();
    private volatile long connectedNanos;
    private volatile boolean closed;
    private volatile ClientCallStreamObserver<StreamExecutionReportsRequest> call;
    /** What this connection has handed to the writer (the reconciler's fence; see {@link #reached}). */
    private volatile Position queued = new Position("", 0, 0);
    private boolean connectionStarts; // the next report is this connection's first (gRPC's thread only)
    private Duration backoff = FIRST_BACKOFF;

    /** @param clock UTC epoch ns: when oms-svc saw a report (its events' tsInit) */
    public ReportConsumer(TradingGrpc.TradingStub stub, OrderWriter writer, OrderBatch batch, Doubt doubt, ZoneId zone,
                          LongSupplier clock) {
        this.stub = stub;
        this.writer = writer;
        this.batch = batch;
        this.doubt = doubt;
        this.zone = zone;
        this.clock = clock;
    }

    /** Opens the stream from the committed cursor (and keeps it open). */
    public void start() {
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) return;
        Optional<ReportCursor> cursor;
        try {
            cursor = batch.cursor();
        } catch (RuntimeException e) {
            log.warn("report cursor not readable ({}); retrying", e.toString());
            retry();
            return;
        }
        StreamExecutionReportsRequest.Builder request = StreamExecutionReportsRequest.newBuilder();
        cursor.ifPresent(c -> request.setSessionId(c.sessionId()).setAfterSequence(c.sequence()));
        if (cursor.isEmpty()) {
            // never consumed before: whatever is open now was not followed by reports here
            doubt.allOpenAccounts("no report cursor: first start of the report consumer");
        }
        session = cursor.map(ReportCursor::sessionId).orElse(null);
        stub.streamExecutionReports(request.build(), new ClientResponseObserver<StreamExecutionReportsRequest, ExecutionReportMessage>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<StreamExecutionReportsRequest> requestStream) {
                call = requestStream;
            }

            @Override
            public void onNext(ExecutionReportMessage m) {
                if (!connected) {
                    connected = true;
                    connectionStarts = true;
                    connectedNanos = System.nanoTime();
                    backoff = FIRST_BACKOFF;
                }
                lastMessageNanos = System.nanoTime();
                handle(m);
            }

            @Override
            public void onError(Throwable t) {
                ended(Status.fromThrowable(t).toString());
            }

            @Override
            public void onCompleted() {
                ended("completed by the gateway");
            }
        });
    }

    private void ended(String why) {
        boolean was = connected;
        connected = false;
        routingConnected = false;
        if (!closed) {
            if (was) log.warn("execution report stream ended: {}; reconnecting", why);
            retry();
        }
    }

    private void retry() {
        if (closed) return;
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(ExecutionReportMessage m) {
        String id = m.getSessionId();
        if (session != null && !session.equals(id) && !m.hasGap()) {
            newSession(id, "the gateway's session changed from " + session + " to " + id);
        }
        session = id;
        switch (m.getPayloadCase()) {
            case GAP -> {
                gaps.incrementAndGet();
                newSession(id, "report stream gap: " + m.getGap().getReason());
            }
            case ROUTING -> routingConnected = m.getRouting().getConnected();
            case REPORT -> report(id, m.getReport());
            case PAYLOAD_NOT_SET -> {
            }
        }
    }

    /** The gateway session, the first report this connection delivered in it, and the last handed to the writer. */
    private record Position(String session, long first, long last) {
    }

    private void newSession(String id, String reason) {
        log.warn("{}: every account with open orders is reconciled with ListOrders", reason);
        doubt.allOpenAccounts(reason);
        writer.cursor(new ReportCursor(id, 0));
    }

    private void report(String sessionId, ExecutionReport r) {
        received.incrementAndGet();
        ReportCursor cursor = new ReportCursor(sessionId, r.getSequence());
        long now = clock.getAsLong();
        ReportMapping mapping;
        try {
            mapping = ExecutionReports.map(r, now);
        } catch (IllegalArgumentException e) {
            log.error("execution report breaks the gateway's contract, skipped: {}: {}", e.getMessage(), r);
            writer.cursor(cursor);
            return;
        }
        switch (mapping) {
            case ReportMapping.ForOrder f -> writer.report(f.clOrdId(), f.event(), cursor);
            case ReportMapping.StatusOf s -> writer.status(s.clOrdId(), s.venue(), TradeDates.of(now, zone), now, cursor);
            case ReportMapping.Skipped s -> {
                skipped.incrementAndGet();
                writer.cursor(cursor);
            }
        }
        // after the hand-over: the writer's queue holds it
        Position p = queued;
        long seq = r.getSequence();
        queued = connectionStarts || !p.session().equals(sessionId) ? new Position(sessionId, seq, seq) : new Position(sessionId, p.first(), seq);
        connectionStarts = false;
    }

    /**
     * Is every report of gateway session {@code session} up to {@code sequence} either handed to the writer or never to
     * come on this stream? Then an operation queued to the writer after this answer is applied after those reports
     * (the writer's queue is FIFO): the fence of a {@code ListOrders} (its {@code report_sequence}) against which one
     * account is reconciled, without waiting for the whole stream to go quiet. Reports before the first this connection
     * delivered were handed over by an earlier connection, or skipped by the gateway after a gap (it streams a new
     * consumer from its head). A sequence of 0 (nothing published) is reached at once.
     */
    public boolean reached(String session, long sequence) {
        if (sequence <= 0) return true;
        Position p = queued;
        return p.session().equals(session) && (p.last() >= sequence || p.first() > sequence);
    }

    /** Is the stream open? */
    public boolean connected() {
        return connected;
    }

    /** Routing connected, as the gateway's last RoutingState said. */
    public boolean routingConnected() {
        return routingConnected;
    }

    /**
     * Has the stream been open and silent for {@code quiet}? Reconciliation against a gateway that gives no fence with
     * its listing waits for this, so reports the gateway still holds (replayed at a reconnection) are applied as the
     * fills they are before anything is inferred from ListOrders.
     */
    public boolean quietFor(Duration quiet) {
        long now = System.nanoTime();
        return connected && now - lastMessageNanos >= quiet.toNanos() && now - connectedNanos >= quiet.toNanos();
    }

    public long received() {
        return received.get();
    }

    public long skipped() {
        return skipped.get();
    }

    public long gaps() {
        return gaps.get();
    }

    public String session() {
        return session;
    }

    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<StreamExecutionReportsRequest> c = call;
        if (c != null) c.cancel("oms-svc stopping", null);
        scheduler.shutdownNow();
    }
}
