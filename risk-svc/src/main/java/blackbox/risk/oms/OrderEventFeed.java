package blackbox.risk.oms;

import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.StreamOrderEventsRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * risk-svc's reader of oms-svc's {@code StreamOrderEvents} (the event types it is given), resuming after the last
 * sequence it delivered whenever the stream ends: every event once, in sequence order, across reconnects. It starts
 * from the first event of the stored history; the events of that first replay, before the first {@code CaughtUp}
 * marker, are delivered as {@code replayed} (the circuit breakers ignore them: they happened before this process
 * listened). Events missed while a later stream was down are not: this process was listening.
 *
 * <p>The listener runs on gRPC's thread and must not block. Thread-safe.
 */
public final class OrderEventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEventFeed.class);

    /** Receives the events. */
    @FunctionalInterface
    public interface Listener {
        /** @param replayed part of the history stored before this process first caught up with it */
        void onEvent(OrderEvent event, boolean replayed);
    }

    private final OrderManagementGrpc.OrderManagementStub stub;
    private final List<OrderEventType> types;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration retry;
    private volatile long lastSequence;
    private volatile boolean live;
    private volatile boolean caughtUpOnce;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile String lastError = "not started";
    private ClientCallStreamObserver<StreamOrderEventsRequest> call; // guarded by this

    /**
     * @param types the event types wanted (empty: all)
     * @param scheduler runs the reconnects
     * @param retry the pause before reconnecting after the stream ended
     */
    public OrderEventFeed(Channel oms, List<OrderEventType> types, Listener listener, ScheduledExecutorService scheduler,
                          Duration retry) {
        this.stub = OrderManagementGrpc.newStub(oms);
        this.types = List.copyOf(types);
        this.listener = listener;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    /** Opens the stream (from the first stored event). */
    public void start() {
        open();
    }

    /** The sequence of the last event delivered (0 before any). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Is the stream open and past its replay of stored events? */
    public boolean live() {
        return connected && live;
    }

    /** Why the stream is not live, for health. */
    public String state() {
        return live() ? "following oms-svc's order events after " + lastSequence : lastError;
    }

    private void open() {
        if (closed) return;
        StreamOrderEventsRequest request = StreamOrderEventsRequest.newBuilder().setAfterSequence(lastSequence)
                .addAllTypes(types).build();
        stub.streamOrderEvents(request, new ClientResponseObserver<StreamOrderEventsRequest, OrderEventMessage>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<StreamOrderEventsRequest> stream) {
                synchronized (OrderEventFeed.this) {
                    call = stream;
                }
            }

            @Override
            public void onNext(OrderEventMessage message) {
                connected = true;
                switch (message.getPayloadCase()) {
                    case EVENT -> {
                        OrderEvent e = message.getEvent();
                        if (e.getSequence() <= lastSequence) return; // a resumption never repeats; defensive
                        lastSequence = e.getSequence();
                        try {
                            listener.onEvent(e, !caughtUpOnce);
                        } catch (RuntimeException ex) {
                            LOG.error("order event {} not handled", e.getSequence(), ex);
                        }
                    }
                    case CAUGHT_UP -> {
                        live = true;
                        caughtUpOnce = true;
                        lastSequence = Math.max(lastSequence, message.getCaughtUp().getLastSequence());
                        LOG.info("following oms-svc's order events after sequence {}", lastSequence);
                    }
                    case PAYLOAD_NOT_SET -> { }
                }
            }

            @Override
            public void onError(Throwable t) {
                ended(Status.fromThrowable(t).toString());
            }

            @Override
            public void onCompleted() {
                ended("oms-svc ended the order event stream");
            }
        });
    }

    private void ended(String why) {
        boolean wasLive = live;
        connected = false;
        live = false;
        lastError = why;
        if (closed) return;
        if (wasLive) LOG.warn("oms-svc order event stream ended ({}); resuming after {}", why, lastSequence);
        scheduler.schedule(this::open, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (call != null) call.cancel("risk-svc stopping", null);
        }
    }
}
