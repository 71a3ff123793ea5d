package blackbox.positions.feed;

import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.positions.core.Fill;
import blackbox.positions.core.FillOutcome;
import blackbox.positions.service.AppliedFill;
import blackbox.positions.service.PositionsEngine;
import blackbox.positions.store.StoreException;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fills of oms-svc's {@code StreamOrderEvents} into {@link PositionsEngine#applyFeed}: every event is read (not
 * only TRADE), so that {@link PositionsEngine#feedSequence()} says exactly which of oms-svc's events the positions
 * reflect (risk-svc's flatten waits on it).
 *
 * <ul>
 *   <li><b>Resumption.</b> The stream starts after the engine's feed position (the cursor stored with the fills,
 *       {@link PositionsEngine#resumeFeed}) and, when it ends, reopens after the last event queued: every event once,
 *       in order. A fill sent again after a crash (PostgreSQL's asynchronous commit lost it, or it was queued but not
 *       stored) is applied then; one already stored is a duplicate by ExecID.</li>
 *   <li><b>Group commit.</b> One writer thread drains what has arrived, up to {@code maxBatch} events, into one
 *       transaction: under load batches grow, one commit per batch.</li>
 *   <li><b>Days.</b> The first fill of a trade date after the book's session date opens that day first
 *       ({@link PositionsEngine#openDay}): the previous close becomes the opening.</li>
 *   <li><b>Back-pressure.</b> The queue is bounded: when it is full the gRPC thread waits, and HTTP/2 flow control
 *       slows oms-svc's stream for this client.</li>
 *   <li><b>PostgreSQL away.</b> The batch is kept and retried every {@code retry}; the stream waits behind it.</li>
 * </ul>
 * Refused fills (an instrument not in the master, a day already closed) and malformed TRADE events are counted per
 * reason and logged once per reason, never per fill.
 */
public final class FillFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FillFeed.class);
    /** The feed's name in {@code positions.feed_cursor}. */
    public static final String SOURCE = "oms";

    /** What the stream delivered: an event, or "caught up to" a sequence. */
    private record Item(OrderEvent event, long sequence) {
    }

    private final OrderManagementGrpc.OrderManagementStub stub;
    private final PositionsEngine engine;
    private final int maxBatch;
    private final Duration retry;
    private final ScheduledExecutorService scheduler;
    private final BlockingQueue<Item> queue;
    private final Thread writer;
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile long receivedThrough;
    private volatile boolean live;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile String state = "not started";
    private ClientCallStreamObserver<StreamOrderEventsRequest> call; // guarded by this

    /**
     * @param maxBatch the most events one transaction takes
     * @param queueCapacity events received and not yet applied, at most
     * @param retry the pause before reopening the stream, and between tries of a batch PostgreSQL refused
     */
    public FillFeed(Channel oms, PositionsEngine engine, int maxBatch, int queueCapacity, Duration retry,
                    ScheduledExecutorService scheduler) {
        this.stub = OrderManagementGrpc.newStub(oms);
        this.engine = engine;
        this.maxBatch = maxBatch;
        this.retry = retry;
        this.scheduler = scheduler;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = Thread.ofPlatform().name("positions-fill-writer").daemon().unstarted(this::writeLoop);
    }

    /** Opens the stream after the engine's feed position and starts the writer. */
    public void start() {
        receivedThrough = engine.feedSequence();
        writer.start();
        open();
    }

    private void open() {
        if (closed) return;
        StreamOrderEventsRequest request = StreamOrderEventsRequest.newBuilder().setAfterSequence(receivedThrough).build();
        stub.streamOrderEvents(request, new ClientResponseObserver<StreamOrderEventsRequest, OrderEventMessage>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<StreamOrderEventsRequest> stream) {
                synchronized (FillFeed.this) {
                    call = stream;
                }
            }

            @Override
            public void onNext(OrderEventMessage m) {
                connected = true;
                Item item = switch (m.getPayloadCase()) {
                    case EVENT -> m.getEvent().getSequence() > receivedThrough ? new Item(m.getEvent(), m.getEvent().getSequence()) : null;
                    case CAUGHT_UP -> {
                        if (!live) LOG.info("positions follow oms-svc's order events live after sequence {}", m.getCaughtUp().getLastSequence());
                        live = true;
                        yield new Item(null, Math.max(receivedThrough, m.getCaughtUp().getLastSequence()));
                    }
                    case PAYLOAD_NOT_SET -> null;
                };
                if (item == null) return;
                try {
                    queue.put(item);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                receivedThrough = item.sequence();
                state = (live ? "following" : "replaying") + " oms-svc's order events, received through " + receivedThrough;
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
        if (connected) LOG.warn("oms-svc order event stream ended ({}); resuming after {}", why, receivedThrough);
        connected = false;
        live = false;
        state = "oms-svc order events not followed: " + why;
        if (!closed) scheduler.schedule(this::open, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeLoop() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                if (batch.isEmpty()) {
                    batch.add(queue.take());
                    queue.drainTo(batch, maxBatch - 1);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (StoreException e) {
                state = "PostgreSQL refused a batch of fills, retrying: " + e.getMessage();
                LOG.warn("a batch of {} order events not stored ({}); retrying in {} ms", batch.size(), e.getMessage(), retry.toMillis());
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("a batch of {} order events failed; retrying", batch.size(), e);
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Applies one batch in runs of one trade date, opening a new day first. */
    private void write(List<Item> batch) {
        List<Fill> run = new ArrayList<>(batch.size());
        long through = 0;
        LocalDate runDate = null;
        for (Item item : batch) {
            if (item.event() != null) {
                Fill fill;
                try {
                    fill = OrderEventFills.of(item.event()).orElse(null);
                } catch (OrderEventFills.BadFillException e) {
                    count("MALFORMED_TRADE_EVENT", e.getMessage());
                    fill = null;
                }
                if (fill != null) {
                    LocalDate session = runDate != null ? runDate : engine.sessionDate();
                    if (session != null && fill.tradeDate().isAfter(session)) {
                        flush(run, through);
                        run = new ArrayList<>(batch.size());
                        engine.openDay(fill.tradeDate());
                        LOG.info("trade date {} opened by its first fill ({})", fill.tradeDate(), fill.execId());
                    }
                    runDate = runDate == null || fill.tradeDate().isAfter(runDate) ? fill.tradeDate() : runDate;
                    run.add(fill);
                }
            }
            through = Math.max(through, item.sequence());
        }
        flush(run, through);
        batches.incrementAndGet();
    }

    private void flush(List<Fill> fills, long through) {
        if (through == 0 && fills.isEmpty()) return;
        for (AppliedFill a : engine.applyFeed(fills, SOURCE, through)) {
            switch (a.outcome()) {
                case FillOutcome.Applied x -> applied.incrementAndGet();
                case FillOutcome.Duplicate d -> duplicates.incrementAndGet();
                case FillOutcome.Rejected r -> count(r.reason().name(), r.message());
            }
        }
    }

    private void count(String reason, String message) {
        long n = refused.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        if (n == 1) LOG.error("an order event's fill is not counted in positions ({}): {} — further ones are only counted", reason, message);
    }

    public boolean live() {
        return connected && live;
    }

    public String state() {
        return state;
    }

    /** The sequence of the last event received from oms-svc (applied or queued). */
    public long receivedThrough() {
        return receivedThrough;
    }

    /** Events received and not yet applied. */
    public int backlog() {
        return queue.size();
    }

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long batches() {
        return batches.get();
    }

    /** Fills not counted, by reason (refusals of the core, malformed events). */
    public Map<String, Long> refused() {
        Map<String, Long> out = new java.util.TreeMap<>();
        refused.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (call != null) call.cancel("positions-svc stopping", null);
        }
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
