package blackbox.oms.risk;

import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.Decimals;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;


import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Last trade prices from the gateway's {@code StreamTrades} of every instrument it is subscribed to. Chosen over
 * marketdata-svc because the gateway is a channel oms-svc has anyway and sees each trade first (one hop less), and
 * because listening does not subscribe: marketdata-svc keeps owning the subscriptions and their reference counts. An
 * instrument nobody subscribed has no reference price (market orders are then denied NO_REFERENCE_PRICE). The DLL's
 * double prices are rounded half-even to 4 decimals (B3's finest grid). Reconnects every second when the stream ends.
 */
public final class GatewayLastPrices implements LastPrices, AutoCloseable {
    private final MarketDataGatewayGrpc.MarketDataGatewayStub stub;
    private final blackbox.oms.algo.engine.LiveVolume volume;
    private final java.util.function.Consumer<InstrumentId> traded;
    private final Map<InstrumentId, Long> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-last-prices");
        t.setDaemon(true);
        return t;
    });
    private volatile Prints prints = (instrument, low, high) -> { };
    private volatile Context.CancellableContext call;
    private volatile boolean closed;

    public GatewayLastPrices(MarketDataGatewayGrpc.MarketDataGatewayStub stub) {
        this(stub, new blackbox.oms.algo.engine.LiveVolume());
    }

    /** Also counts every trade's quantity (edits excluded) into {@code volume}, for the VWAP's participation cap. */
    public GatewayLastPrices(MarketDataGatewayGrpc.MarketDataGatewayStub stub, blackbox.oms.algo.engine.LiveVolume volume) {
        this(stub, volume, instrument -> { });
    }

    /**
     * @param traded told of each instrument of every trade batch (the stream's thread; must only hand off): a cover's
     *     book is read again then
     */
    public GatewayLastPrices(MarketDataGatewayGrpc.MarketDataGatewayStub stub, blackbox.oms.algo.engine.LiveVolume volume,
                             java.util.function.Consumer<InstrumentId> traded) {
        this.stub = stub;
        this.volume = volume;
        this.traded = traded;
    }

    /**
     * The range a run of trades of one instrument covered, for the OCO brackets' stop touch (edits excluded).
     * Called on the stream's thread: must only hand off.
     */
    @FunctionalInterface
    public interface Prints {
        /** Trades of {@code instrument} between {@code low} and {@code high} (scaled prices, {@link Prices#SCALE}). */
        void traded(InstrumentId instrument, long low, long high);
    }

    /** Tells {@code prints} of every run of trades from now on (one listener: the algorithm engine). */
    public void onPrints(Prints prints) {
        this.prints = prints;
    }

    public void start() {
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) return;
        Context.CancellableContext context = Context.current().withCancellation();
        call = context;
        context.run(() -> stub.streamTrades(StreamTradesRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(TradeStreamMessage m) {
                if (!m.hasTrades()) return;
                InstrumentId previous = null;
                long low = Long.MAX_VALUE;
                long high = 0;
                for (Trade t : m.getTrades().getTradesList()) {
                    if (Double.isNaN(t.getPrice()) || t.getPrice() <= 0) continue;
                    long scaled = Decimals.scaledFromDouble(t.getPrice(), Prices.SCALE);
                    InstrumentId instrument = new InstrumentId(t.getInstrument().getTicker(), t.getInstrument().getExchange());
                    last.put(instrument, scaled);
                    if (!instrument.equals(previous)) {
                        if (previous != null && high > 0) prints.traded(previous, low, high);
                        low = Long.MAX_VALUE;
                        high = 0;
                        traded.accept(instrument);
                    }
                    if (!t.getEdit()) {
                        volume.trade(instrument, t.getTimeNanos(), t.getQuantity());
                        low = Math.min(low, scaled);
                        high = Math.max(high, scaled);
                    }
                    previous = instrument;
                }
                if (previous != null && high > 0) prints.traded(previous, low, high);
            }

            @Override
            public void onError(Throwable t) {
                again();
            }

            @Override
            public void onCompleted() {
                again();
            }
        }));
    }

    private void again() {
        if (!closed) scheduler.schedule(this::connect, 1, TimeUnit.SECONDS);
    }

    @Override
    public long last(InstrumentId instrument) {
        return last.getOrDefault(instrument, 0L);
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = call;
        if (c != null) c.cancel(null);
        scheduler.shutdownNow();
    }
}
