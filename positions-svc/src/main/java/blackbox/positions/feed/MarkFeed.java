package blackbox.positions.feed;

import blackbox.gateway.v1.Trade;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.service.PositionsEngine;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;


import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks from marketdata-svc's trade stream (every instrument it ingests): the last trade per instrument (by trade
 * time; a later edit of the same trade number replaces its price) becomes {@link PositionsEngine#mark} — coalesced:
 * the latest price of each instrument that changed is handed to the engine every {@code interval}, not every trade
 * (a mark writes Redis). The DLL's double price is rounded half-even to 4 decimals, B3's finest grid.
 */
public final class MarkFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarkFeed.class);

    private record Last(long timeNanos, long priceE4) {
    }

    private final MarketDataGrpc.MarketDataStub stub;
    private final PositionsEngine engine;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Duration retry;
    private final Map<InstrumentId, Last> latest = new HashMap<>(); // guarded by this
    private final Map<InstrumentId, Long> pending = new HashMap<>(); // guarded by this
    private volatile boolean open;
    private volatile boolean closed;
    private volatile long trades;
    private ClientCallStreamObserver<StreamTradesRequest> call; // guarded by this

    public MarkFeed(Channel marketData, PositionsEngine engine, ScheduledExecutorService scheduler, Duration interval,
                    Duration retry) {
        this.stub = MarketDataGrpc.newStub(marketData);
        this.engine = engine;
        this.scheduler = scheduler;
        this.interval = interval;
        this.retry = retry;
    }

    public void start() {
        openStream();
        scheduler.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void openStream() {
        if (closed) return;
        stub.streamTrades(StreamTradesRequest.getDefaultInstance(), new ClientResponseObserver<StreamTradesRequest, TradeStreamMessage>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<StreamTradesRequest> stream) {
                synchronized (MarkFeed.this) {
                    call = stream;
                }
            }

            @Override
            public void onNext(TradeStreamMessage m) {
                open = true;
                if (m.hasTrades()) for (Trade t : m.getTrades().getTradesList()) offer(t);
            }

            @Override
            public void onError(Throwable t) {
                ended(Status.fromThrowable(t).toString());
            }

            @Override
            public void onCompleted() {
                ended("marketdata-svc ended the trade stream");
            }
        });
    }

    /** One trade: kept when it is the instrument's latest. */
    synchronized void offer(Trade t) {
        trades++;
        if (!(t.getPrice() > 0) || !InstrumentId.validTicker(t.getInstrument().getTicker())
                || !InstrumentId.validExchange(t.getInstrument().getExchange())) {
            return;
        }
        InstrumentId id = new InstrumentId(t.getInstrument().getTicker(), t.getInstrument().getExchange());
        Last last = latest.get(id);
        if (last != null && t.getTimeNanos() < last.timeNanos()) return;
        long priceE4 = Decimals.scaledFromDouble(t.getPrice(), 4);
        latest.put(id, new Last(t.getTimeNanos(), priceE4));
        pending.put(id, priceE4);
    }

    /** Hands the changed marks to the engine. */
    void flush() {
        Map<InstrumentId, Long> marks;
        synchronized (this) {
            if (pending.isEmpty()) return;
            marks = new HashMap<>(pending);
            pending.clear();
        }
        try {
            marks.forEach(engine::mark);
        } catch (RuntimeException e) {
            LOG.warn("marks not applied: {}", e.toString());
        }
    }

    private void ended(String why) {
        if (open) LOG.warn("marketdata-svc trade stream ended ({}); reopening", why);
        open = false;
        if (!closed) scheduler.schedule(this::openStream, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return open;
    }

    /** Trades received so far. */
    public long trades() {
        return trades;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (call != null) call.cancel("positions-svc stopping", null);
        }
    }
}
