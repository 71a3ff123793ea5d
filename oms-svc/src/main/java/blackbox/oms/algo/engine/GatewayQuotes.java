package blackbox.oms.algo.engine;

import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.SubscribeResponse;
import blackbox.gateway.v1.TopOfBook;
import blackbox.oms.algo.BestPrices;
import blackbox.oms.algo.Quote;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top of book of the instruments the covers ask for, from the gateway's {@code GetTopOfBook}: an instrument is
 * followed from the first {@link #quote} until nobody asked for it for {@value #IDLE_SECONDS} s. Its book is read again
 * on each of its trades ({@link #traded}: the tape moved, so the book probably did) and every
 * {@value #POLL_MILLIS} ms (a book can move without a trade); when the answer differs from the last one {@code moved}
 * is told (the engine then decides its covers at once). At most one read per instrument is in flight; a trade during
 * it asks for one more read after it. The gateway keeps the book of subscribed instruments only: on NOT_FOUND the
 * instrument is subscribed at the gateway (at most every {@value #SUBSCRIBE_RETRY_SECONDS} s), which marketdata-svc's
 * own reference count may later undo; the next NOT_FOUND subscribes it again. The DLL's double prices are rounded
 * half-even to 4 decimals (B3's finest grid); NaN (an empty side) is 0. Thread-safe.
 */
public final class GatewayQuotes implements BestPrices, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayQuotes.class);
    static final long IDLE_SECONDS = 30;
    static final long POLL_MILLIS = 250;
    static final long SUBSCRIBE_RETRY_SECONDS = 5;

    private final MarketDataGatewayGrpc.MarketDataGatewayStub stub;
    private volatile Consumer<InstrumentId> moved = i -> { };
    private final Map<InstrumentId, Followed> followed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-quotes");
        t.setDaemon(true);
        return t;
    });

    private static final class Followed {
        final InstrumentId instrument;
        volatile Quote quote;
        volatile long askedNanos;
        boolean inFlight; // guarded by this
        boolean again;    // guarded by this
        long subscribedNanos = Long.MIN_VALUE / 2; // guarded by this

        Followed(InstrumentId instrument) {
            this.instrument = instrument;
        }
    }

    public GatewayQuotes(MarketDataGatewayGrpc.MarketDataGatewayStub stub) {
        this.stub = stub;
    }

    /** Who hears that an instrument's top of book changed (called on a gRPC thread; must only hand off). */
    public void onMoved(Consumer<InstrumentId> listener) {
        this.moved = listener;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Quote> quote(InstrumentId instrument) {
        Followed f = followed.get(instrument);
        if (f == null) {
            f = followed.computeIfAbsent(instrument, Followed::new);
            f.askedNanos = System.nanoTime();
            read(f);
        }
        f.askedNanos = System.nanoTime();
        return Optional.ofNullable(f.quote);
    }

    /** A trade of {@code instrument} was printed (the gateway's trade stream's thread): its book is read again if followed. */
    public void traded(InstrumentId instrument) {
        Followed f = followed.get(instrument);
        if (f != null) read(f);
    }

    private void poll() {
        long now = System.nanoTime();
        for (Followed f : followed.values()) {
            if (now - f.askedNanos > TimeUnit.SECONDS.toNanos(IDLE_SECONDS)) followed.remove(f.instrument, f);
            else read(f);
        }
    }

    private void read(Followed f) {
        synchronized (f) {
            if (f.inFlight) {
                f.again = true;
                return;
            }
            f.inFlight = true;
        }
        blackbox.gateway.v1.InstrumentId id = blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(f.instrument.ticker())
                .setExchange(f.instrument.exchange()).build();
        stub.withDeadlineAfter(2, TimeUnit.SECONDS).getTopOfBook(GetTopOfBookRequest.newBuilder().setInstrument(id).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(TopOfBook top) {
                        Quote q = new Quote(scaled(top.getBidPrice()), scaled(top.getAskPrice()));
                        if (!q.equals(f.quote)) {
                            f.quote = q;
                            moved.accept(f.instrument);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        Status s = Status.fromThrowable(t);
                        if (s.getCode() == Status.Code.NOT_FOUND) subscribe(f, id);
                        else log.debug("top of book of {}: {}", f.instrument, s);
                        done(f);
                    }

                    @Override
                    public void onCompleted() {
                        done(f);
                    }
                });
    }

    private void done(Followed f) {
        boolean again;
        synchronized (f) {
            f.inFlight = false;
            again = f.again;
            f.again = false;
        }
        if (again) read(f);
    }

    private void subscribe(Followed f, blackbox.gateway.v1.InstrumentId id) {
        long now = System.nanoTime();
        synchronized (f) {
            if (now - f.subscribedNanos < TimeUnit.SECONDS.toNanos(SUBSCRIBE_RETRY_SECONDS)) return;
            f.subscribedNanos = now;
        }
        log.info("oms-quotes: subscribing {} at the gateway for its top of book", f.instrument);
        stub.withDeadlineAfter(10, TimeUnit.SECONDS).subscribe(SubscribeRequest.newBuilder().setInstrument(id).build(),
                new StreamObserver<SubscribeResponse>() {
                    @Override
                    public void onNext(SubscribeResponse r) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        log.warn("oms-quotes: the gateway did not subscribe {}: {}", f.instrument, Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    private static long scaled(double price) {
        return Double.isNaN(price) || price <= 0 ? 0 : Decimals.scaledFromDouble(price, Prices.SCALE);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
