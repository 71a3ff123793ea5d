package blackbox.oms.grpc;

import blackbox.oms.api.Protos;
import blackbox.oms.engine.EventHub;
import blackbox.oms.store.EventQuery;
import blackbox.oms.store.OrderStore;
import blackbox.oms.store.StoredEvent;
import blackbox.oms.v1.CaughtUp;
import blackbox.oms.v1.OrderEventMessage;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jctools.queues.MpscArrayQueue;

/**
 * One StreamOrderEvents call (the lead's decision 6): the stored events after {@code after_sequence} up to the last
 * sequence published when the call subscribed, read from PostgreSQL a page at a time as the client is ready, then a
 * {@code CaughtUp} with that sequence, then the live events the {@link EventHub} delivered since the subscription — no
 * gap, no duplicate. Live events wait in a bounded queue; a client slower than the bound is ended with
 * RESOURCE_EXHAUSTED and resumes with the last sequence it processed. Filters (accounts, types, block) apply to both
 * parts. One drain task at a time (a work-in-progress counter) sends while the transport is ready.
 */
final class EventStream implements Consumer<StoredEvent> {
    private final ServerCallStreamObserver<OrderEventMessage> observer;
    private final OrderStore store;
    private final EventHub hub;
    private final EventQuery query;
    private final int pageSize;
    private final Executor executor;
    private final MpscArrayQueue<StoredEvent> live;
    private final int capacity;
    private final AtomicInteger wip = new AtomicInteger();
    private final ArrayDeque<StoredEvent> page = new ArrayDeque<>();
    private long replayedTo;   // drain only
    private long caughtUpAt;   // set once, before the first drain
    private boolean replaying = true;
    private boolean done;
    private volatile boolean overflowed;
    private volatile boolean cancelled;

    EventStream(ServerCallStreamObserver<OrderEventMessage> observer, OrderStore store, EventHub hub, EventQuery query,
                int pageSize, int capacity, Executor executor) {
        this.observer = observer;
        this.store = store;
        this.hub = hub;
        this.query = query;
        this.pageSize = pageSize;
        this.capacity = capacity;
        this.executor = executor;
        this.live = new MpscArrayQueue<>(capacity);
        this.replayedTo = query.afterSequence();
    }

    /** Subscribes and starts draining. */
    void start() {
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            hub.unsubscribe(this);
        });
        observer.setOnReadyHandler(this::signal);
        caughtUpAt = hub.subscribe(this);
        signal();
    }

    @Override
    public void accept(StoredEvent e) {
        if (cancelled || overflowed || !matches(e)) return;
        if (!live.offer(e)) overflowed = true;
        signal();
    }

    private boolean matches(StoredEvent e) {
        return (query.accounts().isEmpty() || query.accounts().contains(e.account()))
                && (query.types().isEmpty() || query.types().contains(e.type()))
                && (query.block().isEmpty() || e.block().equals(query.block()));
    }

    private void signal() {
        if (wip.getAndIncrement() == 0) executor.execute(this::drain);
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                if (!done) step();
            } catch (RuntimeException e) {
                done = true;
                hub.unsubscribe(this);
                try {
                    observer.onError(Status.UNAVAILABLE.withDescription("reading stored events failed: " + e.getMessage())
                            .asRuntimeException());
                } catch (RuntimeException ignored) {
                    // the call is already closed
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        if (cancelled) {
            done = true;
            live.clear();
            return;
        }
        if (overflowed) {
            done = true;
            hub.unsubscribe(this);
            live.clear();
            observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("client too slow: more than " + capacity
                    + " events waiting; reconnect with after_sequence = the last sequence processed").asRuntimeException());
            return;
        }
        while (observer.isReady()) {
            if (replaying) {
                if (page.isEmpty()) {
                    if (replayedTo >= caughtUpAt) {
                        replaying = false;
                        observer.onNext(OrderEventMessage.newBuilder()
                                .setCaughtUp(CaughtUp.newBuilder().setLastSequence(Math.max(caughtUpAt, query.afterSequence()))).build());
                        continue;
                    }
                    List<StoredEvent> next = store.eventsAfter(new EventQuery(replayedTo, query.accounts(), query.types(),
                            query.block(), pageSize));
                    for (StoredEvent e : next) if (e.sequence() <= caughtUpAt) page.add(e);
                    // a short page, or one that reached past the subscription, is the end of what is stored for us
                    if (next.size() < pageSize || (!next.isEmpty() && next.getLast().sequence() >= caughtUpAt)) replayedTo = caughtUpAt;
                    else replayedTo = next.getLast().sequence();
                    if (page.isEmpty()) continue;
                }
                observer.onNext(OrderEventMessage.newBuilder().setEvent(Protos.event(page.poll())).build());
            } else {
                StoredEvent e = live.poll();
                if (e == null) return;
                if (e.sequence() <= caughtUpAt || e.sequence() <= query.afterSequence()) continue;
                observer.onNext(OrderEventMessage.newBuilder().setEvent(Protos.event(e)).build());
            }
        }
    }
}
